# SPDX-License-Identifier: MIT
"""IT's own words in the playbooks: a layer over the loaded playbooks.

The playbook loader is left as it is; this replaces, in a copy of the
:class:`~helper.journey.playbooks.PlaybookSet`, the texts IT overrode in the
configuration (``[words.<lang>]`` with ``<vendor>/<platform>/<step id>`` and
``…/hint-<n>`` keys, :mod:`helper.config.words`), before the planner fills in
the placeholders. English and French replace the step's ``Text`` fields, the
other languages its ``translations`` (the configuration refuses languages the
helper does not have).
"""

from __future__ import annotations

import msgspec

from helper.config.words import Words, playbook_overrides
from helper.journey.plan import Text
from helper.journey.playbooks import Playbook, PlaybookSet, PlaybookStep


def _text(text: Text, replacements: dict[str, str] | None) -> Text:
    if not replacements:
        return text
    inline = {
        lang: value for lang, value in replacements.items() if lang in ("en", "fr")
    }
    others = {lang: value for lang, value in replacements.items() if lang not in inline}
    if others:
        # The other languages live in the loader's translations mapping.
        inline["translations"] = {**text.translations, **others}  # type: ignore[assignment]
    return msgspec.structs.replace(text, **inline)


def _step(
    step: PlaybookStep, base: str, overrides: dict[str, dict[str, str]]
) -> PlaybookStep:
    text = _text(step.text, overrides.get(base))
    hints = [
        _text(hint, overrides.get(f"{base}/hint-{number}"))
        for number, hint in enumerate(step.hints, start=1)
    ]
    if text is step.text and all(
        a is b for a, b in zip(hints, step.hints, strict=True)
    ):
        return step
    return msgspec.structs.replace(step, text=text, hints=hints)


def with_words(playbooks: PlaybookSet, words: Words) -> PlaybookSet:
    """``playbooks`` with IT's words in place (the same set when none apply)."""
    overrides = playbook_overrides(words)
    if not overrides:
        return playbooks
    replaced: dict[tuple[str, str], Playbook] = {}
    for vendor, name in playbooks.keys():
        playbook = playbooks.get(vendor, name)
        if playbook is None:  # pragma: no cover - keys() lists what get() has
            continue
        steps = [
            _step(step, f"{vendor}/{name}/{step.id}", overrides)
            for step in playbook.steps
        ]
        replaced[(vendor, name)] = msgspec.structs.replace(playbook, steps=steps)
    return PlaybookSet(replaced, playbooks.allowlist, playbooks.origins)
