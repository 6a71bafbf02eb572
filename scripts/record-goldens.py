#!/usr/bin/env python3
"""Records the AWS CLI's own bytes for the output goldens (test/golden/).

Serves canned Organizations responses (test/golden/responses/*.json, wire form) from a local
HTTP endpoint and runs Debian's /usr/bin/aws (2.9.19, which prints the same stdout as 2.36 for
these cases) against it in every output format and with the test queries. Run by hand:
    python3 scripts/record-goldens.py
"""
import http.server, json, os, subprocess, sys, threading

ROOT = os.path.join(os.path.dirname(__file__), '..', 'test', 'golden')
RESP = os.path.join(ROOT, 'responses')

CASES = {
    # name: (operation, extra args)
    'empty': ('list-handshakes-for-organization', []),
    'one': ('describe-handshake', ['--handshake-id', 'h-0000000000000000000000000000000a']),
    'many': ('list-handshakes-for-organization', []),
    'organization': ('describe-organization', []),
    'accounts': ('list-accounts', []),
}
QUERIES = {
    'empty': [None, 'Handshakes[0].Id', 'Handshakes[].Id'],
    'one': [None, 'Handshake.State', 'Handshake.Parties[].Id', 'Handshake.Resources[].[Type, Value]', 'Handshake.Missing'],
    'many': [None, 'Handshakes[0].Id', 'Handshakes[].Id', 'Handshakes[].[Id, State, Action]', 'Handshakes[0].Missing',
             'Handshakes[].{R: RequestedTimestamp, S: State}', 'length(Handshakes)'],
    'organization': [None, 'Organization.FeatureSet', 'Organization'],
    'accounts': [None, 'Accounts[].Id', 'Accounts[].[Id, Name, JoinedMethod]'],
}
FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream']

current = {}

class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        data = json.dumps(current['body']).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/x-amz-json-1.1')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

def main():
    server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = dict(os.environ, AWS_ACCESS_KEY_ID='AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY='x', AWS_DEFAULT_REGION='us-east-1',
               AWS_CONFIG_FILE='/dev/null', AWS_SHARED_CREDENTIALS_FILE='/dev/null', AWS_PAGER='', TZ='UTC')
    goldens = {}
    for name, (operation, extra) in CASES.items():
        with open(os.path.join(RESP, name + '.json')) as f:
            current['body'] = json.load(f)
        for fmt in FORMATS:
            for query in QUERIES[name]:
                for color in (['off', 'on'] if fmt == 'table' and query is None else ['off']):
                    args = ['/usr/bin/aws', '--endpoint-url', 'http://127.0.0.1:%d' % server.server_port,
                            'organizations', operation, *extra, '--output', fmt, '--color', color]
                    if query:
                        args += ['--query', query]
                    run = subprocess.run(args, env=env, capture_output=True)
                    key = '%s|%s|%s|%s' % (name, fmt, query or '', color)
                    goldens[key] = {'stdout': run.stdout.decode(), 'exit': run.returncode}
                    if run.returncode != 0:
                        print(key, run.stderr.decode(), file=sys.stderr)
    with open(os.path.join(ROOT, 'outputs.json'), 'w') as f:
        json.dump(goldens, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write('\n')
    print('%d goldens recorded' % len(goldens))

main()
