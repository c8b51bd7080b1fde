"""Credits that print the reporter's job beside the name instead of a "By" before it: "Pedro Vilela - Repórter da
Agência Brasil", "Arief Setyadi , Jurnalis", "김영훈 기자", "记者 王静", and the Korean wire credit that opens the
first sentence ("(서울=연합뉴스) 김영훈 기자 = …"). Many non-English outlets credit this way; bylines.py asks here
when a line has no label and no "by".
"""

from __future__ import annotations

import re

from newscorpus.extract.agencies import wire_service
from newscorpus.extract.credit_names import (
    AFFILIATION_MAX_WORDS,
    ROLE_MODIFIER,
    Byline,
    is_affiliation,
    looks_like_name,
)

# a reporter's job printed after the name instead of a "by" before it: "Pedro Vilela - Repórter da Agência Brasil",
# "Arief Setyadi , Jurnalis-Jum'at, 03 Mei 2024", "Imogen Ashworth / Business reporter", "김영훈 기자" (Korean),
# "山田太郎記者" (Japanese)
_REPORTER_WORDS = (
    r"(?:reporter|repórter|reportera?o?|correspondent|correspondente|corresponsal|korrespondent(?:in)?|journalist(?:e|in)?"
    r"|jornalista|periodista|giornalista|jurnalis|wartawan|redakteur(?:in)?"
    r"|(?-i:[A-Z])[a-z]+\s+(?:editor|writer))"  # a beat editor writes too: "Harriet Osei, Health Editor"
)
_CJK_REPORTER = r"(?:기자|특파원|에디터|記者|记者|特派員|特派员)"  # 에디터: a Korean content site's staff writer
_ROLE_CREDIT = re.compile(
    rf"^(?P<names>[^,;|=/]+?)\s*(?:,|\s[–—/-])\s*(?:[^\W\d_]+\s+){{0,2}}?{_REPORTER_WORDS}\b(?P<rest>.*)$"
    rf"|^(?P<cjk>[^\W\d_][^,;|=\d]{{0,30}}?)\s*{_CJK_REPORTER}$",
    re.IGNORECASE,
)
# what may follow the job: the outlet ("da Agência Brasil", "of The Jakarta Post") or the stamp ("-Jum'at, 03 Mei")
_ROLE_AFFILIATION = re.compile(r"^\s*(?:da|do|de|del|di|of|at|for|bei|der|des|du|van)\s+(?P<outlet>.+)$", re.IGNORECASE)
_ROLE_STAMP = re.compile(r"^\s*[-–—|,·]\s*\S.*\d")
# Chinese prints the job first: "记者 王静", "本报记者 李明", and Taiwan's papers the place after a slash:
# "記者陳志明／台中報導" ("reporting from Taichung")
_STAFF_REPORTER = r"(?:本报|本報)?(?:记者|記者)"  # "(our paper's) reporter"
_REPORTER_FIRST = re.compile(
    rf"^{_STAFF_REPORTER}\s*(?P<names>[\u4e00-\u9fff]{{2,4}}(?:[\s、，]+[\u4e00-\u9fff]{{2,4}})*)"
    r"(?:\s*[／/]\s*[\u4e00-\u9fff]{2,6}?(?:報導|报道))?$"
)
# Korean wire copy opens its first paragraph with the credit: "(서울=연합뉴스) 김영훈 기자 = 정부가 …"
_INLINE_CREDIT = re.compile(
    r"^\((?P<place>[^=()]{1,15})=(?P<agency>[^=()]{1,20})\)\s*(?P<names>[^=()]{2,40}?)\s*(?:기자|특파원)\s*="
)
# Chinese wire copy does the same: Xinhua's "新华社成都9月16日电（记者陈晓、刘洋）…", CNA's
# "（中央社記者王心怡台中27日電）…" (the name runs into the place; a name of three characters is the common case)
_HAN = r"[\u4e00-\u9fff]"
_CHINESE_WIRE_CREDIT = re.compile(
    rf"^(?P<wire>新华社|新華社|中新社)?{_HAN}{{0,20}}\d{{1,2}}月\d{{1,2}}日[电電]\s*[（(](?:{_HAN}{{0,6}}?)(?:记者|記者)\s*"
    rf"(?P<names>{_HAN}{{2,4}}(?:(?:\s*[、，,]\s*|\s+){_HAN}{{2,4}})*)\s*[）)]"
    rf"|^[（(](?P<agency>{_HAN}{{2,4}}?)(?:记者|記者)(?P<name>{_HAN}{{2,3}}){_HAN}{{2,3}}\d{{1,2}}日[电電][）)]"
)
_NAME_LIST = re.compile(r"\s*[·,、，]\s*")
_HAN_NAMES = re.compile(r"\s*[·,、，]\s*|\s+")  # "（记者 李明 张华）": Chinese names listed with spaces too
_ROLE_SUFFIX = re.compile(rf"^(?P<name>.+?)\s*(?:{_CJK_REPORTER}|\s[-–—]\s+{_REPORTER_WORDS}\b.*)$", re.IGNORECASE)
_ROLE_PREFIX = re.compile(rf"^{_STAFF_REPORTER}\s*(?=\S)")
_CJK_CHARS = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3"  # kana, Han, Hangul
_CJK_TOKEN = re.compile(rf"[{_CJK_CHARS}]+")
# Korean jobs (student, professor, writer, director, team and department heads, researcher, nurse, pharmacist,
# doctor, dietitian, counsellor, therapist, teacher) and their Chinese and Japanese kin
_CJK_ROLE_WORDS = frozenset(
    "학생 교수 작가 원장 팀장 과장 부장 실장 연구원 간호사 약사 의사 영양사 상담사 치료사 선생님 에디터 "
    "教授 医師 醫師 医生 醫生 作家 主任 编辑 編輯 編集者".split()
)
_CJK_ROLE_MIN_CHARS = 3
_CJK_DISPLAY_NAME = re.compile(rf"[{_CJK_CHARS}]{{2,12}}")
# what an author element may say besides a name: "author", "source", "admin", "anonymous", "reprinted", "writer"
_CJK_NOT_NAMES = frozenset(
    "作者 来源 來源 管理员 管理員 匿名 转载 轉載 原创 原創 投稿者 著者 執筆者 編集部 "
    "관리자 작성자 글쓴이 익명 운영자".split()
)
_CJK_ROLE_ENDINGS = frozenset("師师士家員员長长室科部課课팀과사")
# titles glued before a name: Thai doctors ("นพ.", "พญ."), dentists ("ทพ."), doctors of philosophy ("ดร."); Vietnamese
# doctors ("BS.", "BS.CKI", "BS.CKII"), masters ("ThS."), doctors ("TS.") and professors ("PGS.", "GS.")
_GLUED_TITLE = re.compile(r"^(?:(?:นพ|พญ|ทพ|ทญ|ดร)\.\s?|(?:(?:PGS|GS|TS|ThS|BS)\.)+(?:CKI{1,2}|BS|TS)?\s*(?=[^\W\d_]))")
# "本报记者 李明 王芳", "作者：李明 王芳": Chinese names listed with spaces, the staff reporter's job before them or not
_SPACED_HAN_NAMES = re.compile(rf"(?:本报|本報)?(?:记者|記者)?\s*(?P<names>{_HAN}{{2,4}}(?:\s+{_HAN}{{2,4}})+)")
CJK_REPORTER_WORD = re.compile(_CJK_REPORTER)


def role_credit(text: str) -> Byline | None:
    """ "Pedro Rafael Vilela - Repórter da Agência Brasil", "김영훈 기자", "记者 王静": a name with the reporter's job
    printed after it (or, in Chinese, before it) and nothing else but the outlet or the stamp."""
    if (first := _REPORTER_FIRST.match(text)) is not None:
        return Byline(authors=[n for n in _NAME_LIST.split(first["names"].strip()) if n])
    match = _ROLE_CREDIT.match(text)
    if match is None:
        return None
    if match["cjk"] is not None:
        names = [n for n in _NAME_LIST.split(match["cjk"].strip()) if n]
        return Byline(authors=names) if names and all(cjk_name(n) for n in names) else None
    name, rest = match["names"].strip(" .,"), match["rest"]
    words = name.split()
    if len(words) < 2 or not looks_like_name(name, strict=True) or any(ROLE_MODIFIER.match(w) for w in words):
        return None  # "Senior Political Reporter" is a job title alone
    byline = Byline(authors=[name])
    affiliation = _ROLE_AFFILIATION.match(rest)
    if affiliation is not None and len(affiliation["outlet"].split()) <= AFFILIATION_MAX_WORDS:
        agency = wire_service(affiliation["outlet"])
        if agency is not None:
            byline.agencies.append(agency)
        return byline if is_affiliation(affiliation["outlet"]) else None
    return byline if not rest.strip() or _ROLE_STAMP.match(rest) else None


def spaced_han_names(value: str) -> list[str] | None:
    """ "本报记者 李明 王芳" -> ["李明", "王芳"]: Chinese names a credit lists with spaces, which are no separator in
    other scripts' names; None when the value is not such a list."""
    spaced = _SPACED_HAN_NAMES.fullmatch(value)
    if spaced is None:
        return None
    return [name for name in spaced["names"].split() if not is_cjk_role(name)]  # "營養室 吳佩珊 營養師"


def cjk_name(name: str) -> bool:
    """A Korean, Chinese or Japanese personal name: two to five Hangul or Han characters, no spaces."""
    return bool(re.fullmatch(r"[\uac00-\ud7a3\u4e00-\u9fff\u3400-\u4dbf]{2,5}", name))


def inline_credit(line: str) -> Byline | None:
    """ "(서울=연합뉴스) 김영훈 기자 = 정부가 …", "新华社成都9月16日电（记者陈晓、刘洋）…": the reporters named where
    the first sentence starts."""
    chinese = _CHINESE_WIRE_CREDIT.match(line.strip())
    if chinese is not None:
        names = [n for n in _HAN_NAMES.split((chinese["names"] or chinese["name"]).strip()) if n]
        agency = wire_service(chinese["agency"] or chinese["wire"] or "")
        return Byline(authors=names, agencies=[agency] if agency else []) if all(cjk_name(n) for n in names) else None
    match = _INLINE_CREDIT.match(line.strip())
    if match is None:
        return None
    names = [n for n in _NAME_LIST.split(match["names"].strip()) if n]
    if not names or not all(cjk_name(n) or looks_like_name(n, strict=True) for n in names):
        return None
    agency = wire_service(match["agency"])
    return Byline(authors=names, agencies=[agency] if agency else [])


def without_role_word(name: str) -> str:
    """ "박지영 기자" -> "박지영", "记者 王静" -> "王静", "Pedro Vilela - Repórter da Agência Brasil" -> "Pedro Vilela":
    the reporter's job printed with the name; also the other jobs and departments printed around an East Asian name
    ("料理研究家 村井千夏", "영양팀 임상영양사 최은정", "營養室 吳佩珊 營養師") and the medical and academic titles
    glued before a Thai or Vietnamese one ("นพ.ธนากร วงศ์สวัสดิ์", "BS.CKI Nguyễn Thị Lan")."""
    name = _GLUED_TITLE.sub("", _ROLE_PREFIX.sub("", name))
    match = _ROLE_SUFFIX.match(name)
    name = match["name"] if match is not None else name
    tokens = name.split()
    if len(tokens) >= 2 and all(_CJK_TOKEN.fullmatch(token) for token in tokens):
        people = [token for token in tokens if not is_cjk_role(token)]
        if len(people) == 1:
            return people[0]
    return name


def cjk_display_name(name: str) -> bool:
    """A writer's display name in Han, kana or Hangul alone ("老周聊财经", "ねこやま", "윤서진"), as an author element
    prints it: such names have no capitals or spaces for the name test to see. A label, a job or a reporter's title
    in the element ("作者", "관리자", "기자") is none."""
    return (
        _CJK_DISPLAY_NAME.fullmatch(name) is not None
        and name not in _CJK_NOT_NAMES
        and CJK_REPORTER_WORD.fullmatch(name) is None
        and not is_cjk_role(name)
    )


def is_cjk_role(token: str) -> bool:
    """A job or a department printed beside an East Asian name: a known job word, or a longer word ending as jobs
    and departments do (a name is two to four characters; "임상영양사", "料理研究家", "營養室" are not)."""
    return token in _CJK_ROLE_WORDS or (len(token) >= _CJK_ROLE_MIN_CHARS and token[-1] in _CJK_ROLE_ENDINGS)
