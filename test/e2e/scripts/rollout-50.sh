#!/usr/bin/env bash
# A platform team's rehearsal: invite 50 accounts, 40 accept, 5 decline, 5 never answer.
set -euo pipefail
orgsim init --scenario rollout-50 --force > /dev/null
orgsim quota set --accounts 60 --invitations-per-day 60 > /dev/null
for i in $(seq -w 1 50); do
  orgsim --profile bill organizations invite-account-to-organization \
    --target "Id=1000000000${i},Type=ACCOUNT" --query Handshake.Id --output text > /dev/null
done
answer() { # profile, verb
  local id
  id=$(orgsim --profile "$1" organizations list-handshakes-for-account --query 'Handshakes[0].Id' --output text)
  orgsim --profile "$1" organizations "$2-handshake" --handshake-id "$id" > /dev/null
}
for i in $(seq -w 1 40); do answer "acct$i" accept; done
for i in $(seq -w 41 45); do answer "acct$i" decline; done
orgsim clock advance 16d > /dev/null
