#!/usr/bin/python3
"""Records what jmespath.py 1.0.1 (the AWS CLI's JMESPath) makes of the corpus expressions.

Reads test/fixtures/jmespath/expressions.txt (a response name, a tab, an expression), searches
each response as the AWS CLI sees it (test/golden/responses/<name>.json with its timestamps
turned into the CLI's ISO 8601 text), and writes test/fixtures/jmespath/corpus.json: for each
expression whether it compiles, and the result (json.dumps as the CLI's JSON output writes it)
or the error's text. src/output/jmespath/corpus.test.ts replays it. Run by hand with Debian's
Python, which has jmespath 1.0.1:
    /usr/bin/python3 scripts/record-jmespath-corpus.py
"""
import datetime, json, os, sys

import jmespath

if jmespath.__version__ != '1.0.1':
    sys.exit('jmespath %s found; the AWS CLI uses 1.0.1' % jmespath.__version__)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test')
RESPONSES = os.path.join(ROOT, 'golden', 'responses')
HERE = os.path.join(ROOT, 'fixtures', 'jmespath')


def as_cli_sees_it(value, key=None):
    """Wire timestamps (epoch seconds) become the text the CLI's iso8601 timestamp format gives."""
    if isinstance(value, dict):
        return {k: as_cli_sees_it(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [as_cli_sees_it(v) for v in value]
    if key and key.endswith('Timestamp') and isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).isoformat()
    return value


def main():
    cases = []
    documents = {}
    with open(os.path.join(HERE, 'expressions.txt'), encoding='utf-8') as f:
        lines = [line.rstrip('\n') for line in f if not line.startswith('#')]
    for line in lines:
        name, expression = line.split('\t', 1)
        if name not in documents:
            with open(os.path.join(RESPONSES, name + '.json'), encoding='utf-8') as r:
                documents[name] = as_cli_sees_it(json.load(r))
        case = {'document': name, 'expression': expression}
        try:
            compiled = jmespath.compile(expression)
        except Exception as e:
            case.update(compiles=False, error=str(e))
            cases.append(case)
            continue
        try:
            result = compiled.search(documents[name])
        except Exception as e:
            case.update(compiles=True, error=str(e))
        else:
            case.update(compiles=True, json=json.dumps(result, indent=4, ensure_ascii=False))
        cases.append(case)
    out = {'jmespath': jmespath.__version__, 'documents': documents, 'cases': cases}
    with open(os.path.join(HERE, 'corpus.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print('%d expressions recorded' % len(cases))


main()
