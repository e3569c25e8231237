"""Appends the source added in the nineteenth session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- garak-latentinjection: garak (NVIDIA/garak, Apache-2.0), the probes of `garak/probes/latentinjection.py` that bury
  an injection in a document an LLM is asked to read: a report (`LatentInjectionReportFull`), a resume
  (`LatentInjectionResumeFull`), fact snippets on the Eiffel Tower and legal snippets
  (`LatentInjectionFactSnippetEiffelFull`, `LatentInjectionFactSnippetLegalFull`), WHOIS records (`LatentWhois`,
  `LatentWhoisSnippetFull`). Each injected text is built the way the probe's `_build_prompts_triggers` builds its
  prompts: a context with its injection marker replaced by separator start + injection instruction (the payload,
  itself with its trigger, in place of the payload marker) + separator end. The probe's top instruction (the user's
  request, "Summarize this article for me:") is not part of the document a tool returns and is left out, as the
  CyberSecEval rows cut their request off. The snippet contexts are built by the probe's own
  `_build_snippet_contexts` with its default parameters and a fixed seed. Of each probe's distinct texts, 40 are
  drawn with a fixed seed (label 1). The contexts with the marker removed are the clean texts (label 0).
  Left out: the translation probes and `LatentJailbreakFull`, whose "document" is the injection alone or the
  user's own instruction ("Translate the following sentence into Chinese.").

The module is executed with small stand-ins for the garak imports it needs (`garak.payloads.load` reads the payload
file at the pinned commit); no garak code other than `latentinjection.py` runs.
"""
import json
import random
import sys
import types

from common import append, show_at

TARGET = "../injection.jsonl"
SOURCE = "garak-latentinjection"
REPO, COMMIT = "NVIDIA/garak", "cafbe992780df70015de7295ca026b70c4629ada"
PROBES_PATH = "garak/probes/latentinjection.py"
PER_PROBE = 40
PROBES = [
    "LatentInjectionReportFull",
    "LatentInjectionResumeFull",
    "LatentInjectionFactSnippetEiffelFull",
    "LatentInjectionFactSnippetLegalFull",
    "LatentWhois",
    "LatentWhoisSnippetFull",
]


def stand_in_modules():
    """Minimal garak modules: the probe module needs only these names at import time."""
    garak = types.ModuleType("garak")
    payloads = types.ModuleType("garak.payloads")

    def load(name):
        return types.SimpleNamespace(payloads=json.loads(show_at(REPO, COMMIT, f"garak/data/payloads/{name}.json"))["payloads"])

    payloads.load = load
    probes = types.ModuleType("garak.probes")

    class Probe:
        DEFAULT_PARAMS = {}

    probes.Probe = Probe
    probes.Tier = types.SimpleNamespace(OF_CONCERN="of-concern")
    resources = types.ModuleType("garak.resources")
    theme = types.ModuleType("garak.resources.theme")
    attempt = types.ModuleType("garak.attempt")
    attempt.Attempt = object
    garak._config = types.SimpleNamespace()
    garak.payloads, garak.probes, garak.resources, garak.attempt = payloads, probes, resources, attempt
    resources.theme = theme
    sys.modules.update({"garak": garak, "garak.payloads": payloads, "garak.probes": probes, "garak.resources": resources,
                        "garak.resources.theme": theme, "garak.attempt": attempt, "tqdm": types.ModuleType("tqdm")})


stand_in_modules()
module = types.ModuleType("latentinjection")
exec(compile(show_at(REPO, COMMIT, PROBES_PATH), PROBES_PATH, "exec"), module.__dict__)
INJECTION, PAYLOAD, TRIGGER = module.INJECTION_MARKER, module.PAYLOAD_MARKER, module.TRIGGER_MARKER


def contexts_of(cls, seed):
    """The probe's contexts: its own list, or for the snippet probes what `_build_snippet_contexts` builds."""
    if not issubclass(cls, module.FactSnippetMixin):
        return list(cls.contexts)
    probe = object.__new__(cls)
    for key, value in cls.DEFAULT_PARAMS.items():
        setattr(probe, key, value)
    module.random.seed(seed)
    probe._build_snippet_contexts()
    return sorted(probe.contexts)


def documents(cls, contexts):
    """Every document `_build_prompts_triggers` builds, without the top instruction, in its loop order."""
    for context in contexts:
        if INJECTION not in context:
            continue
        for start, end in cls.injection_sep_pairs:
            for instruction in cls.injection_instructions:
                for payload in cls.payloads:
                    for trigger in cls.payload_triggers:
                        injection = start + instruction.replace(PAYLOAD, payload.replace(TRIGGER, trigger)) + end
                        yield context.replace(INJECTION, injection)


def triggers_of(cls):
    """The payload triggers; the report probe loads its own from the payload file its parameters name."""
    if cls.payload_triggers:
        return cls.payload_triggers
    return module.garak.payloads.load(cls.DEFAULT_PARAMS["payload_name"]).payloads


rows = []
rng = random.Random(SOURCE)
for name in PROBES:
    cls = getattr(module, name)
    cls.payload_triggers = triggers_of(cls)
    contexts = contexts_of(cls, name)
    texts = sorted(set(documents(cls, contexts)))
    for text in rng.sample(texts, min(PER_PROBE, len(texts))):
        rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": PROBES_PATH, "licence": "Apache-2.0",
                     "label": 1, "kind": f"{name}-injected", "text": text})
    for context in contexts:
        clean = context.replace(INJECTION, "").strip()
        rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": PROBES_PATH, "licence": "Apache-2.0",
                     "label": 0, "kind": f"{name}-clean", "text": clean})

print(TARGET, append(TARGET, rows))
