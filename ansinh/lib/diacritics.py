"""Restore Vietnamese diacritics lost by OCR or by typing without marks.

A syllable trigram language model (interpolated absolute discounting) over
lower-case diacritised syllables; for each run of unmarked syllables the most
likely sequence of diacritised forms sharing the same folded key is found by
Viterbi search. Only the letters of unmarked syllables change: case,
punctuation, numbers and spacing are kept as they are, and a text that already
has its marks is returned unchanged.

The bundled model (``data/diacritics-model.json.gz``) is rebuilt by
``scripts/build_diacritics_model.py``; :func:`train` builds one in memory.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ansinh.lib.text import fold, nfc

MODEL_PATH = Path(__file__).parent / "data" / "diacritics-model.json.gz"
MODEL_VERSION = 1

#: Absolute discount of the interpolated model.
DISCOUNT = 0.75
#: Probability of a syllable the model never saw (keeps OOV tokens neutral).
_OOV_LOGPROB = math.log(1e-7)
_BOUNDARY = "<s>"

# A syllable: a run of letters, with combining marks for decomposed input.
_SYLLABLE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
# What may separate two syllables of one phrase (context carries over it).
_JOINER = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_VI_MARKED = re.compile(r"[^\x00-\x7f]")

# A text whose syllables carry marks at a share below this needs restoration.
_MARKED_SHARE_THRESHOLD = 0.12
# ...provided this share of its syllables are Vietnamese ones that can take marks.
_VIETNAMESE_SHARE_THRESHOLD = 0.6


@dataclass
class Model:
    """Counts of a syllable trigram model and the candidates of each folded key."""

    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    trigrams: dict[tuple[str, str, str], int]
    candidates: dict[str, list[str]] = field(init=False)
    _total: int = field(init=False)
    # (count, distinct followers) of each one- and two-word context; read by lib/ocr_search's bounded search too
    contexts1: dict[str, tuple[int, int]] = field(init=False)
    contexts2: dict[tuple[str, str], tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for form, count in self.unigrams.items():
            if form != _BOUNDARY:
                by_key[fold(form)].append((count, form))
        self.candidates = {k: [f for _, f in sorted(v, reverse=True)] for k, v in by_key.items()}
        self._total = sum(self.unigrams.values())
        ctx1: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for (u, _w), c in self.bigrams.items():
            entry = ctx1[u]
            entry[0] += c
            entry[1] += 1
        self.contexts1 = {k: (v[0], v[1]) for k, v in ctx1.items()}
        ctx2: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for (t, u, _w), c in self.trigrams.items():
            entry = ctx2[(t, u)]
            entry[0] += c
            entry[1] += 1
        self.contexts2 = {k: (v[0], v[1]) for k, v in ctx2.items()}

    # --- probabilities ---------------------------------------------------------

    def p_unigram(self, w: str) -> float:
        count = self.unigrams.get(w, 0)
        vocab = len(self.unigrams) + 1
        return (count + 0.1) / (self._total + 0.1 * vocab)

    def p_bigram(self, u: str, w: str) -> float:
        ctx = self.contexts1.get(u)
        p1 = self.p_unigram(w)
        if ctx is None:
            return p1
        total, types = ctx
        count = self.bigrams.get((u, w), 0)
        return max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * p1

    def logprob(self, t: str, u: str, w: str) -> float:
        """log P(w | t u), interpolated down to the unigram."""
        if w not in self.unigrams:
            return _OOV_LOGPROB
        p2 = self.p_bigram(u, w)
        ctx = self.contexts2.get((t, u))
        if ctx is None:
            return math.log(p2)
        total, types = ctx
        count = self.trigrams.get((t, u, w), 0)
        return math.log(max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * p2)

    # --- persistence -----------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        return {
            "version": MODEL_VERSION,
            "unigrams": dict(sorted(self.unigrams.items())),
            "bigrams": {" ".join(k): v for k, v in sorted(self.bigrams.items())},
            "trigrams": {" ".join(k): v for k, v in sorted(self.trigrams.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Model:
        if data.get("version") != MODEL_VERSION:
            raise ValueError(f"unsupported diacritics model version {data.get('version')!r}")
        uni = data["unigrams"]
        bi = data["bigrams"]
        tri = data["trigrams"]
        assert isinstance(uni, dict) and isinstance(bi, dict) and isinstance(tri, dict)
        bigrams: dict[tuple[str, str], int] = {}
        for k, v in bi.items():
            a, b = k.split(" ")
            bigrams[(a, b)] = int(v)
        trigrams: dict[tuple[str, str, str], int] = {}
        for k, v in tri.items():
            a, b, c = k.split(" ")
            trigrams[(a, b, c)] = int(v)
        return cls({str(k): int(v) for k, v in uni.items()}, bigrams, trigrams)

    def save(self, path: Path) -> None:
        payload = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(payload.encode("utf-8"), compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: Path) -> Model:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls.from_json(json.load(fh))


# --- tokenisation ---------------------------------------------------------------


def phrases(
    text: str, token: re.Pattern[str] = _SYLLABLE, breaks: Callable[[str], bool] | None = None
) -> Iterator[list[re.Match[str]]]:
    """Runs of ``token`` matches separated only by white space (punctuation breaks a run).

    A token for which ``breaks`` is true also ends the run and belongs to none.
    """
    run: list[re.Match[str]] = []
    last_end = -1
    for match in token.finditer(text):
        if breaks is not None and breaks(match.group(0)):
            if run:
                yield run
            run = []
            continue
        if run and not _JOINER.fullmatch(text[last_end : match.start()]):
            yield run
            run = []
        run.append(match)
        last_end = match.end()
    if run:
        yield run


def is_marked(token: str) -> bool:
    """True when a syllable has a letter outside ASCII (a diacritic or đ)."""
    return bool(_VI_MARKED.search(token))


_VALID_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:ieu|oai|oay|oao|oeo|uoi|uou|uay|uya|uye|uyu|yeu|uai|"
    r"ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|yu|a|e|i|o|u|y)"
    r"(?:ch|ng|nh|[cmnpt])?"
)


def is_vietnamese_syllable(token: str) -> bool:
    """True when ``token`` has the shape of a Vietnamese syllable (onset, rhyme, coda)."""
    return _VALID_SYLLABLE.fullmatch(fold(token)) is not None


def _is_vietnamese_phrase(tokens: list[str]) -> bool:
    marked = sum(1 for t in tokens if is_marked(t))
    return marked >= max(1, 0.3 * len(tokens))


def train(texts: Iterable[str]) -> Model:
    """Build a model from diacritised texts (phrases with too few marks are skipped)."""
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    tri: Counter[tuple[str, str, str]] = Counter()
    for text in texts:
        text = nfc(text)
        for run in phrases(text):
            tokens = [m.group(0).lower() for m in run]
            if _is_vietnamese_phrase(tokens):
                _count(tokens, uni, bi, tri)
    return Model(dict(uni), dict(bi), dict(tri))


def _count(
    tokens: list[str],
    uni: Counter[str],
    bi: Counter[tuple[str, str]],
    tri: Counter[tuple[str, str, str]],
) -> None:
    seq = [_BOUNDARY, _BOUNDARY, *tokens]
    uni.update(tokens)
    for i in range(2, len(seq)):
        bi[(seq[i - 1], seq[i])] += 1
        tri[(seq[i - 2], seq[i - 1], seq[i])] += 1


@functools.lru_cache(maxsize=1)
def default_model() -> Model:
    """The bundled model (loaded once)."""
    return Model.load(MODEL_PATH)


def fold_model(model: Model) -> Model:
    """``model`` over folded syllables (a key's forms counted as one): the model of a text read without marks."""
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    tri: Counter[tuple[str, str, str]] = Counter()
    keys = {_BOUNDARY: _BOUNDARY}  # each form's key, folded once (the n-grams repeat a few thousand forms)
    for w, c in model.unigrams.items():
        key = keys[w] = keys.get(w) or fold(w)
        uni[key] += c
    for (u, w), c in model.bigrams.items():
        bi[(keys.get(u) or fold(u), keys.get(w) or fold(w))] += c
    for (t, u, w), c in model.trigrams.items():
        tri[(keys.get(t) or fold(t), keys.get(u) or fold(u), keys.get(w) or fold(w))] += c
    return Model(dict(uni), dict(bi), dict(tri))


@functools.lru_cache(maxsize=1)
def folded_model() -> Model:
    """:func:`fold_model` of the bundled model (built once): one form per key, so a search over it is short."""
    return fold_model(default_model())


# --- restoration ------------------------------------------------------------------


def _apply_case(form: str, original: str) -> str:
    if len(form) != len(original):
        return form
    return "".join(f.upper() if o.isupper() else f for f, o in zip(form, original, strict=True))


def _decode(model: Model, tokens: list[str]) -> list[str]:
    """Most likely lower-case forms for ``tokens`` (marked tokens are fixed)."""
    options: list[list[tuple[str, float]]] = []
    for token in tokens:
        low = token.lower()
        if is_marked(token) or not token.isascii():
            options.append([(nfc(low), 0.0)])
        else:
            options.append([(c, 0.0) for c in model.candidates.get(low, [low]) or [low]])
    # viterbi's path, the same floats with fewer of them computed (lib/ocr_search imports this module: imported here)
    from ansinh.lib.ocr_search import grouped_viterbi

    return grouped_viterbi(model, options)


def viterbi(model: Model, options: list[list[tuple[str, float]]]) -> list[str]:
    """Best sequence of forms; each option is (form, log-penalty of choosing it)."""
    State = tuple[str, str]
    beams: dict[State, float] = {(_BOUNDARY, _BOUNDARY): 0.0}
    backpointers: list[dict[State, State]] = []
    for cands in options:
        nxt: dict[State, float] = {}
        back: dict[State, State] = {}
        for state, score in beams.items():
            t, u = state
            for w, penalty in cands:
                s = score + penalty + model.logprob(t, u, w)
                key = (u, w)
                if key not in nxt or s > nxt[key]:
                    nxt[key] = s
                    back[key] = state
        beams = nxt
        backpointers.append(back)
    return best_path(beams, backpointers)


def best_path(beams: dict[tuple[str, str], float], backpointers: list[dict[tuple[str, str], tuple[str, str]]]) -> list[str]:
    """The words of the best-scoring last state, followed back through the backpointers (one per position)."""
    state = max(beams, key=beams.__getitem__)
    path: list[str] = []
    for back in reversed(backpointers):
        path.append(state[1])
        state = back[state]
    path.reverse()
    return path


def restore_diacritics(text: str, model: Model | None = None) -> str:
    """Put the marks back on a Vietnamese text that lost them.

    Only syllables written without any mark are changed; everything else
    (case, punctuation, numbers, spacing, marked words) is kept. A text that
    does not need restoration (see :func:`needs_restoration`) is returned as is.
    """
    if not text:
        return text
    model = model or default_model()
    if not needs_restoration(text, model):
        return text
    return restore_tokens(text, model)


def restore_tokens(text: str, model: Model | None = None) -> str:
    """Restore every unmarked syllable, without first checking :func:`needs_restoration`."""
    model = model or default_model()
    return rewrite_runs(text, phrases(text), phrase_cache("restore", model), lambda tokens: _restored(model, tokens))


def rewrite_runs(text: str, runs: Iterable[Sequence[re.Match[str]]], cache: dict[tuple[str, ...], list[tuple[int, str]]],
                 read: Callable[[tuple[str, ...]], list[tuple[int, str]]]) -> str:
    """``text`` with the tokens of each run replaced by ``read``'s (index, new form) pairs, each run's reading
    remembered in ``cache`` by its tokens."""
    out: list[str] = []
    pos = 0
    for run in runs:
        tokens = tuple(m.group(0) for m in run)
        found = cache.get(tokens)
        if found is None:
            found = cache[tokens] = read(tokens)
        for i, form in found:
            out.append(text[pos : run[i].start()])
            out.append(form)
            pos = run[i].end()
    out.append(text[pos:])
    return "".join(out)


def _restored(model: Model, tokens: tuple[str, ...]) -> list[tuple[int, str]]:
    """(index, restored form) of each token of one phrase that restoration changes."""
    if all(is_marked(t) or not t.isascii() for t in tokens):
        return []
    out: list[tuple[int, str]] = []
    for i, (token, form) in enumerate(zip(tokens, _decode(model, list(tokens)), strict=True)):
        if is_marked(token) or not token.isascii():
            continue
        restored = _apply_case(form, token)
        if restored != token:
            out.append((i, restored))
    return out


_PHRASE_CACHES: dict[tuple[str, int], tuple[Model, dict[tuple[str, ...], list[tuple[int, str]]]]] = {}
_MAX_PHRASES = 50_000


def phrase_cache(name: str, model: Model) -> dict[tuple[str, ...], list[tuple[int, str]]]:
    """Where the search ``name`` keeps what it read of each phrase (its tokens) over ``model``: a text's phrases
    repeat, and a phrase's reading depends on its tokens and the model only."""
    found = _PHRASE_CACHES.get((name, id(model)))
    if found is None or found[0] is not model:
        found = _PHRASE_CACHES[(name, id(model))] = (model, {})
    if len(found[1]) >= _MAX_PHRASES:
        found[1].clear()
    return found[1]


def needs_restoration(text: str, model: Model | None = None) -> bool:
    """True when a Vietnamese text has (almost) no diacritics.

    The text must have syllables that the model knows in marked forms (so an
    English text or a list of codes is not "Vietnamese without marks").
    """
    model = model or default_model()
    total = marked = vietnamese = 0
    for match in _SYLLABLE.finditer(text):
        token = match.group(0)
        total += 1
        if is_marked(token):
            marked += 1
            vietnamese += 1
            continue
        cands = model.candidates.get(token.lower())
        if cands and any(is_marked(c) for c in cands):
            vietnamese += 1
    if total == 0:
        return False
    return marked / total < _MARKED_SHARE_THRESHOLD and vietnamese / total >= _VIETNAMESE_SHARE_THRESHOLD
