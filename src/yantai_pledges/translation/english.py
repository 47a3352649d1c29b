"""English for the parsed parts of a target: quantities, units, deadlines, metrics, summaries.

Stage: deterministic English (no machine translation). Conventions, chosen and documented here:

* Numbers are multiplied out and written with "million", "billion", "trillion" from a million up,
  with thousands separators below (1850亿元 → "185 billion yuan", 1万人 → "10,000 people"); a range
  shares the scale of its upper end and uses an en dash ("2–3", "US$1–2 billion").
* Units keep what was written: 1000万千瓦 → "10 million kW", not converted to GW, so the figure can
  be checked against the source; British spelling ("square metres", "tonnes"); US$ / HK$ go before
  the number. Classifiers (家, 个, 项) have no English: 30家 → "30".
* Comparators: 以上 → "at least", 突破/超过/过 → "more than", 左右/约 → "about", 以内/不超过 → "at
  most", 不到/低于 → "less than".
* Deadlines name the year: 年内 → "within 2023", 全年 → "in 2023", 3月底前 → "by the end of March
  2023", 2月中旬 → "by mid-February 2023", 首季 → "in the first quarter of 2023"; dates are written
  day month year ("30 June 2023").
* Metrics: the glossary as a whole (also with quote marks removed: “重中之重”项目), then a quoted
  numeric label (专班“10+6”工作体系 → 'task forces of the "10+6" work system'), a threshold rule
  (产值过10亿元企业 → "enterprises with output value over 1 billion yuan"), A占B比重 ("share of A in
  B"), a leading gazetteer place ("… in Penglai District"), then the composition rules of
  ``data/metric_patterns.tsv`` tried in file order (X总投资 → "total investment in X", 新开工X → "new
  X" + the verb "start construction"), then glossary segmentation when every character is covered.
  Anything else gives ``None``: a metric is never half-translated.
* Summaries are sentences built from the parts (see docs/translation.md, "Target sentences"): a lead
  from the commitment or status (Ensure / Strive for / Plan for / Pledge: / Achieved: / Background:),
  the subject with the number where the metric's frame puts it, the metric's verb in the form the lead
  needs ("Ensure at least 130 new projects start construction in 2023.", "Strive for at least 30
  projects to be attracted", "Achieved: 30 projects were attracted"), and the deadline. A metric
  without English is shown in Chinese in parentheses after the number ("Pledge: 117 (某某项目).").
"""

from __future__ import annotations

import regex

from ..lexicon.milestones import milestone_actions
from ..models import (
    Commitment,
    Comparator,
    Milestone,
    Quantity,
    Status,
    Target,
)
from .english_deadlines import deadline_english
from .english_metrics import (
    FUNCTION_WORDS,
    SLOT,
    Phrase,
    Verb,
    collapse,
    metric_english,
    metric_phrase,
)
from .english_quantities import (
    format_number,
    per_english,
    quantity_english,
    quantity_phrase,
    scaled_unit,
    unit_english,
)
from .glossary import Glossary

__all__ = [
    "deadline_english",
    "format_number",
    "metric_english",
    "milestone_summary",
    "per_english",
    "quantity_english",
    "target_english",
    "target_summary",
    "unit_english",
]

_CHINESE_IN_SUMMARY_MAX = 30  # an untranslated metric quoted in a summary is cut to this length

# ---------------------------------------------------------------------------------------------
# Summaries

_LEADS: dict[Commitment | None, str] = {
    Commitment.ENSURE: "Ensure",
    Commitment.STRIVE: "Strive for",
    Commitment.PLAN: "Plan for",
    None: "Pledge:",
}
_STATUS_LEADS = {Status.ACHIEVED: "Achieved:", Status.CONTEXT: "Background:"}
_COUNT_KINDS = frozenset(
    {"counter", "noun"}
)  # the metric names what is counted: "130 new projects"
_MEASURE_KINDS = frozenset(
    {"measure", "currency"}
)  # "300,000 square metres of new factory buildings"
_UNTRANSLATED = regex.compile(
    r"""
    [^\p{Han}\p{Latin}\p{Nd}“”"+\-—·]    # anything but text, digits and a few signs
    """,
    regex.VERBOSE,
)


def _lead(commitment: Commitment | None, status: Status) -> str:
    return _STATUS_LEADS.get(status) or _LEADS[commitment]


def _sentence(*parts: str) -> str:
    # Also drops the spaces around empty or padded parts (most often an empty last part: no
    # deadline), the trailing ones before collapse, which then finds most summaries collapsed.
    text = collapse(" ".join(parts).rstrip())
    return text[:1].upper() + text[1:] + "."


_SAME_IN_SINGULAR = frozenset({"headquarters", "series", "species", "means", "news", "mu", "yuan"})


def _singular_word(word: str) -> str:
    if word in _SAME_IN_SINGULAR or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def _singular(noun: str) -> str:
    """ "new projects" → "new project"; "enterprises above designated size" → "enterprise above …"."""
    words = noun.split(" ")
    head = next(
        (
            i
            for i, word in enumerate(words)
            if i + 1 < len(words) and words[i + 1] in FUNCTION_WORDS
        ),
        len(words) - 1,
    )
    words[head] = _singular_word(words[head])
    return " ".join(words)


def _predicate(verb: Verb, commitment: Commitment | None, status: Status, plural: bool) -> str:
    if status is Status.ACHIEVED:
        return verb.past_plural if plural else verb.past_singular
    if status is Status.CONTEXT or commitment is None:
        return verb.participle
    if commitment is Commitment.ENSURE:
        return verb.plural if plural else verb.singular
    return verb.infinitive


# 翻一番 / 翻两番: the figure is a multiplication of the metric, not an amount of it.
_MULTIPLYING = {2: "a doubling of", 4: "a quadrupling of"}


def _figure(phrase: Phrase, target: Target) -> str:
    """The subject, predicate and number of a summary: "at least 130 new projects start construction".

    Other spaces are left as they fall: ``_sentence`` collapses the whole summary once.
    """
    q, comparator = target.quantity, target.comparator
    value = q.value
    factor, unit = scaled_unit(q.unit.zh)
    kind = unit.kind if unit is not None else ""
    single = value is not None and value * factor == 1 and q.low is None
    tail = ""
    if q.base_unit == "times" and value is not None and q.raw.startswith("翻"):
        return f"{_MULTIPLYING.get(int(value), f'a {value}-fold rise in')} {phrase.flat()}"
    # Each branch below words the figure one way: with its unit noun (full) or without (count).
    if SLOT in phrase.noun:
        figure = _count(q, comparator) if kind in _COUNT_KINDS else _full(q, comparator)
        subject = phrase.noun.replace(SLOT, figure + " ", 1)
        plural = not single
    elif phrase.frame in {"by", "to"}:
        subject, tail, plural = phrase.noun, f"{phrase.frame} {_full(q, comparator)}", False
    elif phrase.frame == "reach":
        return f"the {phrase.flat()} {_reach(target)} {_full(q, comparator)}"
    elif kind in _COUNT_KINDS:
        noun = _singular(phrase.noun) if single else phrase.noun
        subject, plural = f"{_count(q, comparator)} {noun}", not single
    elif phrase.frame == "count" and kind in _MEASURE_KINDS:
        subject, plural = f"{_full(q, comparator)} of {phrase.noun}", True
    else:
        subject, plural = f"{phrase.noun} of {_full(q, comparator)}", False
    if phrase.verb is not None:
        subject = f"{subject} {_predicate(phrase.verb, target.commitment, target.status, plural)}"
    return f"{subject} {tail}" if tail else subject


def _count(q: Quantity, comparator: Comparator) -> str:
    """The figure without a unit noun: "at least 130" (130个以上)."""
    return quantity_phrase(q, comparator, include_noun=False)


def _full(q: Quantity, comparator: Comparator) -> str:
    """The figure with its unit: "185 billion yuan" (:func:`quantity_english`)."""
    return quantity_phrase(q, comparator, include_noun=True)


_REACH = Verb("reach", "reaches", "reaching", "reached", "reached", "to reach")


def _reach(target: Target) -> str:
    return _predicate(_REACH, target.commitment, target.status, plural=False)


def _quoted_chinese(zh: str) -> str:
    """An untranslated metric, cleaned, to show in parentheses: "(省市区级重点项目)"."""
    text = collapse(_UNTRANSLATED.sub(" ", zh))
    if len(text) > _CHINESE_IN_SUMMARY_MAX:
        text = text[:_CHINESE_IN_SUMMARY_MAX] + "…"
    return f"({text})" if text else ""


def target_summary(target: Target, glossary: Glossary | None = None) -> str:
    """One English sentence from the parsed parts: "Ensure at least 130 new projects start …"."""
    return _summary(target, metric_phrase(target.metric.zh, glossary))


def target_english(target: Target, glossary: Glossary | None = None) -> tuple[str | None, str]:
    """A target's :func:`metric_english` and :func:`target_summary`, the metric composed once."""
    metric = metric_phrase(target.metric.zh, glossary)
    return (metric[1] if metric is not None else None), _summary(target, metric)


def _summary(target: Target, metric: tuple[Phrase, str] | None) -> str:
    deadline = deadline_english(target.deadline) if target.deadline is not None else ""
    if metric is None:
        figure = quantity_english(target.quantity, target.comparator)
        figure = f"{figure} {_quoted_chinese(target.metric.zh)}"
    else:
        figure = _figure(metric[0], target)
    per = target.quantity.per
    if per is not None and per.en:
        figure = f"{figure} {per.en}"  # 30 in each of 5 areas, not 30
    return _sentence(_lead(target.commitment, target.status), figure, deadline)


def _strip_pledge_words(text: str) -> str:
    """确保烟台大学科教园区 → 烟台大学科教园区: the pledge word is already the summary's lead."""
    return _PLEDGE_PREFIX.sub("", text)


_PLEDGE_PREFIX = regex.compile(r"^(?:确保|力争|争取|计划|预计|努力|全力|加快)+")


def milestone_summary(milestone: Milestone, glossary: Glossary | None = None) -> str:
    """One English sentence for a dated pledge: "Ensure completion in September 2023."."""
    text = milestone.text.zh
    deadline_zh = milestone.deadline.text.zh
    at = text.find(deadline_zh) if deadline_zh else -1
    after = text[at + len(deadline_zh) :] if at >= 0 else text
    subject_zh = _strip_pledge_words(text[:at].strip("，,、 ")) if at > 0 else ""
    action = next((en for zh, en in milestone_actions() if zh in after), None) or next(
        (en for zh, en in milestone_actions() if zh in text), "the stated milestone"
    )
    subject = metric_english(subject_zh, glossary) if subject_zh else None
    if subject is not None:
        action = f"{action} of {subject}"
    elif subject_zh:  # keep what is to be done in view, as target summaries do
        action = f"{action} {_quoted_chinese(subject_zh)}"
    deadline = deadline_english(milestone.deadline)
    return _sentence(_lead(milestone.commitment, milestone.status), action, deadline)
