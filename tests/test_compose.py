"""The cluster description (docker-compose.yml, Dockerfile, .env.example), checked offline.

There is no Docker engine on the CI machine, so nothing here builds or starts a container. These tests catch the
mistakes that would otherwise surface only on someone's first `docker compose up`: a missing service or file, a
variable nobody sets, a secret typed into the file, and a cluster that points the package at other env vars or
another DAG folder than the ones it reads.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from newscorpus import settings

REPO = Path(__file__).resolve().parent.parent
COMPOSE_FILE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
ENV_EXAMPLE = REPO / ".env.example"
DOCKERIGNORE = REPO / ".dockerignore"

REQUIRED_SERVICES = {
    "postgres",
    "redis",
    "minio",
    "createbuckets",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
    "airflow-init",
}
AIRFLOW_SERVICES = sorted(name for name in REQUIRED_SERVICES if name.startswith("airflow-"))

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}; `$${...}` is an escaped literal `$`.
VARIABLE = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")
REQUIRED_REFERENCE = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*):\?[^}]*\}$")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|FERNET|JWT|ACCESS_KEY|TOKEN", re.IGNORECASE)
URL_PASSWORD = re.compile(r"://[^:/@\s]+:([^@\s]+)@")


def _compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())  # SafeLoader resolves the `<<: *anchor` merge keys


def _services() -> dict[str, dict]:
    return _compose()["services"]


def _environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def _env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def _as_from_env_example(value: str) -> str:
    """A compose value with its variables replaced as a fresh copy of .env.example would replace them."""
    documented = _env_example()
    return VARIABLE.sub(lambda match: documented.get(match.group(1), match.group(3) or ""), value)


def _dockerfile_instructions() -> list[tuple[str, list[str]]]:
    """(INSTRUCTION, shell-split arguments) per instruction; backslash continuations joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    instructions = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            instructions.append((keyword.upper(), shlex.split(rest)))
    return instructions


def _project_dir() -> str:
    """The image's project directory: the Dockerfile's last WORKDIR."""
    workdirs = [args[0] for keyword, args in _dockerfile_instructions() if keyword == "WORKDIR"]
    assert workdirs, "the Dockerfile sets no WORKDIR"
    return workdirs[-1].rstrip("/")


def _bind_mounts(service: dict) -> list[tuple[str, str]]:
    """(host source, container target) of every bind mount from the repository (named volumes left out)."""
    mounts = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            source, target = volume.get("source", ""), volume.get("target", "")
        else:
            source, target = volume.split(":")[:2]
        if source.startswith((".", "/")):
            mounts.append((source, target))
    return mounts


def _env_vars_read(module_file: Path) -> set[str]:
    """Names passed to os.environ.get(...) / os.getenv(...) / os.environ[...] as string literals in a module."""
    names = set()
    for node in ast.walk(ast.parse(module_file.read_text())):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = ast.unparse(node.func)
            if function in {"os.environ.get", "os.getenv"}:
                names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            if isinstance(node.slice, ast.Constant):
                names.add(node.slice.value)
    return names


def test_every_service_of_the_cluster_is_described():
    assert REQUIRED_SERVICES <= set(_services())


def test_airflow_services_run_the_components_airflow_3_needs():
    services = _services()
    commands = {name: services[name].get("command") for name in AIRFLOW_SERVICES}
    assert commands["airflow-apiserver"] == "api-server"
    assert commands["airflow-scheduler"] == "scheduler"
    assert commands["airflow-dag-processor"] == "dag-processor"
    assert commands["airflow-triggerer"] == "triggerer"
    assert commands["airflow-worker"] == "celery worker"
    for name in AIRFLOW_SERVICES:
        env = _environment(services[name])
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", name
        assert env["AIRFLOW__CORE__LOAD_EXAMPLES"].lower() == "false", name
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://"), name
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].endswith("@postgres/airflow"), name
        assert env["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql+psycopg2://"), name
        assert env["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0", name


def test_healthchecks_and_init_do_what_the_other_services_wait_for():
    services = _services()
    assert "pg_isready" in services["postgres"]["healthcheck"]["test"]
    assert "http://localhost:8080/api/v2/monitor/health" in services["airflow-apiserver"]["healthcheck"]["test"]
    init_command = " ".join(services["airflow-init"]["command"])
    assert re.search(r"airflow pools set crawl\b", init_command), "airflow-init must create the `crawl` pool"
    assert _environment(services["airflow-init"])["_AIRFLOW_DB_MIGRATE"] == "true"
    bucket_script = " ".join(services["createbuckets"]["command"])
    assert _as_from_env_example(services["createbuckets"]["image"]).split(":")[0].endswith("minio/mc")
    assert "mc mb" in bucket_script and "NEWSCORPUS_BUCKET" in bucket_script
    # Every one-shot or health-gated dependency points at a service that exists and can report that state.
    for name, service in services.items():
        for dependency, rule in (service.get("depends_on") or {}).items():
            assert dependency in services, f"{name} depends on unknown service {dependency}"
            if rule.get("condition") == "service_healthy":
                assert "healthcheck" in services[dependency], f"{name} waits for {dependency}, which has no check"


def test_workers_can_be_scaled():
    worker = _services()["airflow-worker"]
    assert "container_name" not in worker, "a fixed container name makes --scale airflow-worker=N fail"
    assert not worker.get("ports"), "a fixed host port makes --scale airflow-worker=N fail"


def test_workers_reach_the_execution_api_and_share_one_jwt_secret():
    services = _services()
    secrets = {_environment(services[name])["AIRFLOW__API_AUTH__JWT_SECRET"] for name in AIRFLOW_SERVICES}
    assert len(secrets) == 1, "every Airflow container must sign task tokens with the same secret"
    url = _environment(services["airflow-worker"])["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"]
    match = re.fullmatch(r"http://([a-z0-9-]+):(\d+)/execution/", url)
    assert match, url
    host, port = match.groups()
    assert services[host]["command"] == "api-server"
    assert any(str(mapping).endswith(f":{port}") for mapping in services[host]["ports"])


def test_build_contexts_and_dockerfiles_exist():
    built = {name: service["build"] for name, service in _services().items() if "build" in service}
    assert set(AIRFLOW_SERVICES) <= set(built), "every Airflow service must run the project's image"
    for name, build in built.items():
        context = REPO / (build if isinstance(build, str) else build.get("context", "."))
        assert context.is_dir(), f"{name}: build context {context} is missing"
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        assert (context / dockerfile).is_file(), f"{name}: {dockerfile} is missing"


def test_env_file_is_optional():
    for name in AIRFLOW_SERVICES:
        entries = _services()[name]["env_file"]
        assert {"path": ".env", "required": False} in entries, f"{name}: `up` must work without a .env file"


def test_every_file_mounted_from_the_repository_exists():
    mounted = [(name, source) for name, service in _services().items() for source, _ in _bind_mounts(service)]
    assert mounted, "the Airflow services mount the DAG folder from the repository"
    for name, source in mounted:
        assert (REPO / source).resolve().exists(), f"{name} mounts {source}, which does not exist"


def test_every_variable_is_documented_in_env_example():
    documented = _env_example()
    used = {match.group(1) for match in VARIABLE.finditer(COMPOSE_FILE.read_text())}
    assert used, "the compose file takes its settings from variables"
    assert sorted(used - set(documented)) == []
    assert sorted(set(documented) - used) == [], "variables in .env.example that the compose file does not use"
    for line_number, line in enumerate(ENV_EXAMPLE.read_text().splitlines()):
        if line and not line.startswith("#"):
            previous = ENV_EXAMPLE.read_text().splitlines()[line_number - 1]
            assert previous.startswith("#"), f".env.example: {line.split('=')[0]} has no comment above it"


def test_no_secret_is_written_into_the_compose_file():
    text = COMPOSE_FILE.read_text()
    for name, service in _services().items():
        for key, value in _environment(service).items():
            if SECRET_NAME.search(key):
                assert REQUIRED_REFERENCE.match(value), f"{name}: {key} must be ${{VAR:?...}} with no default"
            for password in URL_PASSWORD.findall(value):
                assert REQUIRED_REFERENCE.match(password), f"{name}: {key} carries a literal password"
    # Values that look like real credentials, wherever they appear (comments included).
    assert not re.search(r"\bAKIA[0-9A-Z]{16}\b", text), "an AWS access key id"
    assert not re.search(r"[A-Za-z0-9_-]{43}=", text), "a Fernet key"
    assert "minioadmin" not in text.lower(), "MinIO's well-known default credentials"
    for match in VARIABLE.finditer(text):
        name, operator, default = match.groups()
        if SECRET_NAME.search(name):
            assert operator == ":?", f"${{{name}}} must stop compose when unset, not fall back to {default!r}"


def test_env_example_holds_only_placeholders_for_secrets():
    for name, value in _env_example().items():
        if SECRET_NAME.search(name) or name.endswith("_USER"):
            assert value.startswith("replace-me"), f".env.example: {name} must be a placeholder"


def test_dockerfile_builds_on_airflow_3_3_2_and_pins_it():
    instructions = _dockerfile_instructions()
    images = [args[0] for keyword, args in instructions if keyword == "FROM"]
    assert len(images) == 1 and images[0].startswith("apache/airflow:3.3.2-"), images
    runs = [" ".join(args) for keyword, args in instructions if keyword == "RUN"]
    installs = [command for command in runs if "pip install" in command]
    assert installs, "the Dockerfile installs the project"
    assert any("-c constraints.txt" in command and "apache-airflow==3.3.2" in command for command in installs)
    assert "apache-airflow==3.3.2" in (REPO / "constraints.txt").read_text().splitlines()


def test_dockerfile_copies_existing_files_and_everything_the_package_needs_at_run_time():
    copied = []
    for keyword, args in _dockerfile_instructions():
        if keyword in {"COPY", "ADD"}:
            sources = [arg for arg in args if not arg.startswith("--")][:-1]
            for source in sources:
                assert (REPO / source).exists(), f"the Dockerfile copies {source}, which does not exist"
                copied.append(source.rstrip("/"))
    needed = ["pyproject.toml", "constraints.txt", "scrapy.cfg", "sources.yaml", "newscorpus", "spiders", "dags"]
    needed += ["transforms", "expectations"]
    assert sorted(set(needed) - set(copied)) == []
    # newscorpus/demo_site (and anything else in the package) comes with the newscorpus directory, unless ignored.
    ignored = [line.strip() for line in DOCKERIGNORE.read_text().splitlines() if line.strip() and line[0] != "#"]
    for path in [*needed, "newscorpus/demo_site", "newscorpus/demo_site/sources.yaml"]:
        hits = [pattern for pattern in ignored if fnmatch.fnmatch(path, pattern.lstrip("/"))]
        assert not hits, f".dockerignore drops {path} ({hits})"
    assert ".env" in ignored, "a local .env with real secrets must never reach the build context"


def test_the_package_is_installed_editable_from_the_project_directory():
    # docker-compose.yml mounts ./transforms, ./expectations and ./dags over the image's copies so that edits take
    # effect without a rebuild: only an editable install reads them there (a wheel reads its own bundled copies).
    installs = [" ".join(args) for keyword, args in _dockerfile_instructions() if keyword == "RUN"]
    assert any(re.search(r"pip install .*-e \.(\s|$)", command) for command in installs)
    assert settings.TRANSFORMS_DIR == settings.REPO_ROOT / "transforms"
    assert settings.EXPECTATIONS_DIR == settings.REPO_ROOT / "expectations"
    assert (settings.REPO_ROOT / "scrapy.cfg").is_file()


def test_airflow_gets_the_env_vars_the_package_reads(monkeypatch):
    read_by_package = {name for name in _env_vars_read(REPO / "newscorpus" / "settings.py")}
    read_by_package = {name for name in read_by_package if name.startswith("NEWSCORPUS_")}
    assert {"NEWSCORPUS_DATA", "NEWSCORPUS_SOURCES"} <= read_by_package
    project = _project_dir()
    for name in AIRFLOW_SERVICES:
        env = _environment(_services()[name])
        assert sorted(read_by_package - set(env)) == [], name
        # The registry the cluster names is the one mounted from the repository, and the package reads it there.
        sources = env["NEWSCORPUS_SOURCES"]
        mounts = dict((target, source) for source, target in _bind_mounts(_services()[name]))
        assert sources == f"{project}/sources.yaml"
        assert (REPO / mounts[sources]).resolve() == (REPO / "sources.yaml").resolve()
        monkeypatch.setenv("NEWSCORPUS_SOURCES", sources)
        assert settings.sources_file() == Path(sources)


def test_airflow_parses_the_same_dag_folder_the_package_uses():
    project = _project_dir()
    dag_folder_in_repo = settings.REPO_ROOT / "dags"  # what newscorpus.airflow_local gives `airflow dags test`
    assert (dag_folder_in_repo / "news_corpus.py").is_file()
    for name in AIRFLOW_SERVICES:
        service = _services()[name]
        dags_folder = _environment(service)["AIRFLOW__CORE__DAGS_FOLDER"]
        assert dags_folder == f"{project}/{dag_folder_in_repo.relative_to(settings.REPO_ROOT)}", name
        mounts = dict((target, source) for source, target in _bind_mounts(service))
        assert (REPO / mounts[dags_folder]).resolve() == dag_folder_in_repo, name


def test_the_package_reads_the_compose_data_root_as_object_storage(monkeypatch):
    """The cluster's corpus is in MinIO: the package must take the s3:// value as remote storage (not a local
    folder named "s3:"), and keep its local side on the volume every Airflow container shares."""
    from newscorpus import storage

    env = _environment(_services()["airflow-worker"])
    monkeypatch.setenv("NEWSCORPUS_DATA", _as_from_env_example(env["NEWSCORPUS_DATA"]))
    monkeypatch.setenv("NEWSCORPUS_LOCAL_DIR", env["NEWSCORPUS_LOCAL_DIR"])
    assert storage.is_remote(settings.storage_root())
    assert str(settings.storage_root()).startswith("s3://")
    for name in AIRFLOW_SERVICES:
        volumes = [str(volume).split(":") for volume in _services()[name].get("volumes", [])]
        assert [env["NEWSCORPUS_LOCAL_DIR"]] == [target for _, target, *_ in volumes if target.endswith("-local")]
    assert "NOT implemented" not in COMPOSE_FILE.read_text()


def _compose_version(binary: str) -> tuple[int, ...]:
    done = subprocess.run([binary, "version", "--short"], capture_output=True, text=True, timeout=60)
    numbers = re.findall(r"\d+", done.stdout)[:3]
    return tuple(int(number) for number in numbers)


def test_docker_compose_accepts_the_file(tmp_path):
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip("docker-compose is not installed (no Docker engine here either); validated with PyYAML only")
    if _compose_version(binary) < (2, 24):
        pytest.skip("this docker-compose predates `env_file: {path, required: false}` (Compose >= 2.24)")
    env_file = tmp_path / ".env"
    shutil.copy(ENV_EXAMPLE, env_file)
    command = [binary, "--env-file", str(env_file), "--project-directory", str(REPO), "-f", str(COMPOSE_FILE)]
    done = subprocess.run([*command, "config", "-q"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_cluster_test_reads_the_connection_variables_the_compose_file_sets(monkeypatch):
    """tests/test_cluster.py proves this configuration with real processes: same variables, same kinds of URL."""
    from newscorpus.airflow_services import CLUSTER_CONNECTIONS, cluster_connections

    connection_names = {"SQL_ALCHEMY_CONN", "BROKER_URL", "RESULT_BACKEND"}
    for name in AIRFLOW_SERVICES:
        env = _environment(_services()[name])
        set_here = {key: value for key, value in env.items() if key.rsplit("__", 1)[-1] in connection_names}
        assert set(set_here) == set(CLUSTER_CONNECTIONS), name
        for key, value in set_here.items():
            assert value.split("://")[0] == CLUSTER_CONNECTIONS[key].split("://")[0], (name, key)
    for key in CLUSTER_CONNECTIONS:
        monkeypatch.setenv(key, f"from-env-{key}")
    assert cluster_connections() == {key: f"from-env-{key}" for key in CLUSTER_CONNECTIONS}
