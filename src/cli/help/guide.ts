// What the manual pages say about each operation beyond the model: orgsim's own words.

export interface OperationGuide {
  description: string[];
  examples: { title: string; command: string }[];
}

export const ERROR_EXPLANATIONS: Record<string, string> = {
  AccessDeniedException: 'The caller may not do this: not the management account, not a party to the handshake, or the wrong side of it.',
  AWSOrganizationsNotInUseException: 'The caller is not in any organization.',
  HandshakeNotFoundException: 'No handshake has that ID, or it ended more than 30 days ago and was deleted.',
  HandshakeAlreadyInStateException: 'The handshake is already in the state the call asks for (accepting an accepted handshake).',
  InvalidHandshakeTransitionException: 'The handshake has ended (accepted, declined, canceled or expired) and cannot move to the requested state.',
  DuplicateHandshakeException: 'An open invitation to the same party already exists; cancel it or wait for it to expire.',
  HandshakeConstraintViolationException:
    'A rule of the service stops the handshake (see Reason): ALREADY_IN_AN_ORGANIZATION, ACCOUNT_NUMBER_LIMIT_EXCEEDED, HANDSHAKE_RATE_LIMIT_EXCEEDED, and others.',
  ConstraintViolationException: 'A limit other than a handshake rule (see Reason), such as MAX_TAG_LIMIT_EXCEEDED.',
  InvalidInputException: 'A parameter is malformed (see Reason: INVALID_PATTERN, INPUT_REQUIRED, INVALID_ENUM, MAX_LENGTH_EXCEEDED, INVALID_NEXT_TOKEN, ...).',
  MasterCannotLeaveOrganizationException: 'A management account cannot join another organization.',
  ConcurrentModificationException: 'Another command held the world for too long; try again.',
  ServiceException: 'An internal failure.',
  TooManyRequestsException: 'Throttled; try again later.',
  AccountNotFoundException: 'No such account in the organization.',
};

const invite = (profile = 'bill') => `orgsim --profile ${profile} organizations`;

export const GUIDES: Record<string, OperationGuide> = {
  AcceptHandshake: {
    description: [
      'The recipient of a handshake accepts it. For an invitation the recipient is the invited account, or, for an invitation sent to an e-mail address, the account with that address; accepting makes it a member of the inviting organization (JoinedMethod INVITED), with the tags the invitation carried.',
      'An e-mail invitation accepted by an account that is already a member fails with ALREADY_IN_AN_ORGANIZATION, yet the handshake is recorded as ACCEPTED: this is what AWS does. A member of another organization moves to the inviting one (direct transfer). A management account cannot accept.',
      'Checks, in order: the ID (InvalidInputException), the handshake exists (HandshakeNotFoundException), the caller is the recipient (AccessDeniedException), the state (HandshakeAlreadyInStateException, InvalidHandshakeTransitionException).',
    ],
    examples: [{ title: 'Juan accepts the invitation bill sent him', command: `${invite('juan')} accept-handshake --handshake-id h-0123456789abcdef0123456789abcdef` }],
  },
  DeclineHandshake: {
    description: [
      'The recipient of a handshake declines it; the handshake becomes DECLINED and frees its place in the account quota. Only the recipient may decline; the sender cancels instead.',
    ],
    examples: [
      { title: 'Anika declines', command: `${invite('anika')} decline-handshake --handshake-id h-0123456789abcdef0123456789abcdef` },
      { title: 'The same with the parameters in a file', command: `${invite('anika')} decline-handshake --cli-input-json file://decline.json` },
    ],
  },
  CancelHandshake: {
    description: [
      'The sender (the management account of the organization that sent the handshake) withdraws it before it is answered; the handshake becomes CANCELED. The recipient cannot cancel; it declines instead.',
    ],
    examples: [{ title: "Bill cancels Susan's invitation", command: `${invite()} cancel-handshake --handshake-id h-0123456789abcdef0123456789abcdef` }],
  },
  DescribeHandshake: {
    description: [
      'Shows one handshake to its sender or its recipient; anyone else gets AccessDeniedException. Ended handshakes stay visible for 30 days.',
    ],
    examples: [{ title: 'The state of a handshake', command: `${invite()} describe-handshake --handshake-id h-0123456789abcdef0123456789abcdef --query Handshake.State` }],
  },
  ListHandshakesForOrganization: {
    description: [
      "Lists the handshakes the caller's organization sent, newest first. Only the management account may call it. Filter by ActionType or by ParentHandshakeId, not both; there is no state filter (use --query).",
      'The command pages automatically; --max-items prints a NextToken to pass to --starting-token, --page-size sets the page size of each call (1 to 20), --no-paginate makes a single call.',
    ],
    examples: [
      { title: 'Two at a time', command: 'orgsim organizations list-handshakes-for-organization --max-items 2' },
      { title: 'Only open invitations', command: "orgsim organizations list-handshakes-for-organization --filter ActionType=INVITE --query 'Handshakes[?State==`OPEN`].Id'" },
    ],
  },
  ListHandshakesForAccount: {
    description: [
      'Lists the handshakes sent to the calling account, by account ID or e-mail address, newest first. Standalone accounts may call it. A management account sees none.',
    ],
    examples: [{ title: 'What juan has been sent', command: 'orgsim --profile juan organizations list-handshakes-for-account' }],
  },
  InviteAccountToOrganization: {
    description: [
      "The management account invites an account, by 12-digit ID (Type=ACCOUNT) or by e-mail address (Type=EMAIL), to join its organization. The invitation starts OPEN and expires after 15 days.",
      'Refused when the account is already a member (by ID), when an open invitation to the same party exists (DuplicateHandshakeException), after 20 invitations not accepted in 24 hours, or when members plus open invitations reach the account quota (10 by default; see orgsim quota).',
      'Notes (up to 1024 characters) travel in the handshake; tags are kept and put on the account when it joins.',
    ],
    examples: [
      { title: 'By account ID, with a note', command: `${invite()} invite-account-to-organization --target Id=222222222222,Type=ACCOUNT --notes "Welcome"` },
      { title: 'By e-mail, with tags', command: `${invite()} invite-account-to-organization --target Id=susan@example.com,Type=EMAIL --tags Key=team,Value=blue` },
    ],
  },
  DescribeOrganization: {
    description: ["Shows the caller's organization. A standalone account gets AWSOrganizationsNotInUseException."],
    examples: [{ title: 'The feature set', command: 'orgsim organizations describe-organization --query Organization.FeatureSet' }],
  },
  EnableAllFeatures: {
    description: [
      'The management account of a CONSOLIDATED_BILLING organization starts the migration to all features. orgsim creates an ENABLE_ALL_FEATURES handshake (REQUESTED, 90 days) and one APPROVE_ALL_FEATURES handshake per invited member (OPEN); pending invitations are canceled.',
      'When every member has accepted its approval the parent turns OPEN, and the management account accepts it with accept-handshake: the feature set becomes ALL. Accepting it earlier fails with InvalidHandshakeTransitionException.',
    ],
    examples: [
      { title: 'Start the migration', command: 'orgsim organizations enable-all-features' },
      { title: 'Its approvals', command: 'orgsim organizations list-handshakes-for-organization --filter ParentHandshakeId=h-0123456789abcdef0123456789abcdef' },
    ],
  },
  LeaveOrganization: {
    description: [
      'A member account leaves its organization and becomes standalone; its tags are deleted. The management account cannot leave (MasterCannotLeaveOrganizationException); an account created in the organization must wait four days (WAIT_PERIOD_ACTIVE). Prints nothing.',
    ],
    examples: [{ title: 'Juan leaves', command: 'orgsim --profile juan organizations leave-organization' }],
  },
  RemoveAccountFromOrganization: {
    description: [
      'The management account removes a member; it becomes standalone and its tags are deleted. The management account itself cannot be removed (ACCOUNT_CANNOT_LEAVE_ORGANIZATION). Prints nothing.',
    ],
    examples: [{ title: 'Remove juan', command: 'orgsim organizations remove-account-from-organization --account-id 222222222222' }],
  },
  DescribeAccount: {
    description: ["Shows one account of the caller's organization to its management account."],
    examples: [{ title: 'How juan joined', command: 'orgsim organizations describe-account --account-id 222222222222 --query Account.JoinedMethod' }],
  },
  ListAccounts: {
    description: ["Lists the accounts of the caller's organization; only the management account may call it. Pages like the handshake lists."],
    examples: [{ title: 'IDs and how they joined', command: "orgsim organizations list-accounts --query 'Accounts[].[Id, JoinedMethod]' --output text" }],
  },
  ListRoots: {
    description: ['Lists the root of the caller\'s organization: there is always exactly one, named Root. Only the management account may call it; orgsim enables no policy types yet, so PolicyTypes is empty.'],
    examples: [{ title: 'The root id, for scripts that move accounts', command: "orgsim organizations list-roots --query 'Roots[0].Id' --output text" }],
  },
};
