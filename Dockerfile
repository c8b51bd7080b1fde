# The newscorpus Airflow image: the official Airflow 3.3.2 image plus this project, installed with the same pins as
# the local .venv (constraints.txt), so the cluster runs exactly the versions the tests ran.
FROM apache/airflow:3.3.2-python3.11

# The project lives at one fixed path and is installed *editable* from here: docker-compose.yml mounts ./transforms,
# ./expectations and ./dags over this directory so that an edited SQL model or suite takes effect without a rebuild,
# and only an editable install reads them there (a wheel would read the copies bundled inside it).
ENV NEWSCORPUS_HOME=/opt/airflow/project

# Compose may run the containers under another uid (AIRFLOW_UID) with gid 0: the directory is group-writable so
# `pip install -e` (egg-info) and Scrapy's working files can be written by either.
USER root
RUN mkdir -p "${NEWSCORPUS_HOME}" && chown airflow:0 "${NEWSCORPUS_HOME}" && chmod 2775 "${NEWSCORPUS_HOME}"
USER airflow
WORKDIR /opt/airflow/project

# Dependencies first, so editing a DAG, a SQL model or an expectation suite does not reinstall them.
COPY --chown=airflow:0 pyproject.toml constraints.txt README.md scrapy.cfg ./
COPY --chown=airflow:0 newscorpus/ ./newscorpus/
COPY --chown=airflow:0 spiders/ ./spiders/
# The official image requires installing as the airflow user. apache-airflow is named with its version so pip
# cannot up- or downgrade the Airflow that the base image and the constraints both pin.
RUN pip install --no-cache-dir -c constraints.txt "apache-airflow==3.3.2" -e .

COPY --chown=airflow:0 dags/ ./dags/
COPY --chown=airflow:0 transforms/ ./transforms/
COPY --chown=airflow:0 expectations/ ./expectations/
COPY --chown=airflow:0 sources.yaml ./
