import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-secrets-in-arg-or-env.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "switches: a 0 or 1, a name that says don't",
      code: `FROM debian:12
ARG SCCACHE_S3_NO_CREDENTIALS=0 USE_AUTH=1
ARG APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=DontWarn
`,
    },
    {
      name: "a file name, not the secret it holds",
      code: `FROM alpine:3.20
ENV RESET_OS_PASSWORD="resetOSPassword.sh" TLS_KEY=certs/server.key
ARG NGROK_CA_KEY=assets/client/tls/ngrokroot.key
`,
    },
    {
      name: "a secret-looking name's value is expanded with the definitions before it",
      code: `FROM alpine
ARG RUN_DIR=/run
ENV "SECRETS"=yes PLACE=\${RUN_DIR}/secrets
ENV API_TOKEN=$PLACE/token API_KEY=\${SECRETS}
`,
    },
    `FROM alpine
ARG VERSION
ENV PATH=/usr/bin
`,
    {
      name: "tokens must be whole _-separated parts",
      code: `FROM alpine
ARG TOKENS
ENV MONKEY=1 AUTHOR=me KEYS=a PASSWORDS=x
`,
    },
    {
      name: "paths to a secret file are no secret",
      code: `FROM alpine
ENV GOOGLE_APPLICATION_CREDENTIALS=./app/service-account.json SSH_KEY=~/.ssh/id_ed25519
ARG NPM_TOKEN=../tokens/npm
`,
    },
    {
      name: "allow tokens",
      code: `FROM alpine
ARG GPG_PUBLIC_KEY
ENV SECRET_FILE=/run/x API_KEY_VERSION=2
`,
    },
    {
      name: "ARGs before the first FROM",
      code: `ARG GITHUB_TOKEN
FROM alpine
`,
    },
    {
      name: "ONBUILD triggers",
      code: `FROM alpine
ONBUILD ARG GITHUB_TOKEN
`,
    },
    {
      name: "dashes do not separate tokens",
      code: `FROM alpine
ARG api-key
`,
    },
    {
      name: "GPG fingerprints",
      code: `FROM alpine
ENV GPG_KEY 0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D
ARG PGP_KEY_IDS="0xBA5473A2B0587B07 0x216094DFD0CB81EF"
`,
    },
    {
      name: "a fingerprint through an ARG",
      code: `FROM alpine
ARG SWIFT_SIGNING_KEY=A62AE125BBBFBB96A6E042EC925CC1CCED3D1561
ENV SWIFT_SIGNING_KEY=$SWIFT_SIGNING_KEY
`,
    },
    {
      name: "a fingerprint from a global ARG",
      code: `ARG LLVM_KEY=6084F3CF814B57C1CF12EFD515CF4D18AF4F7421
FROM alpine
ARG LLVM_KEY
`,
    },
    {
      name: "paths, booleans and empty values",
      code: `FROM alpine
ENV TLS_PRIVATE_KEY=/etc/tls.key USE_AUTH_PLUGIN=True API_TOKEN=
`,
    },
    {
      name: "an ENV that stands for none: an empty structure or a null word",
      code: `FROM alpine
ENV OPENVPN_USERNAME=**None** OPENVPN_PASSWORD=**None** HTTP_CONTROL_SERVER_AUTH_DEFAULT_ROLE="{}"
ENV API_KEYS=[] DB_PASSWORD=null SMTP_PASSWORD="<none>" S3_SECRET=Undefined
`,
    },
    {
      name: "the address of a published key, directly or through a variable, or a host",
      code: `FROM debian:12
ARG STAGING_URL=https://packages.fluentbit.io
ARG STAGING_KEY=\${STAGING_URL}/fluentbit.key
ENV FLUENT_BIT_PACKAGES_KEY=\${STAGING_KEY} VAULT_TOKEN_HOST=https://vault.example.com/
`,
    },
  ],
  invalid: [
    {
      name: "an ARG's empty default, a URL with a user, a query or a path that may be the secret",
      code: `FROM alpine:3.20
ARG ORACLE_PASSWORD=
ENV REPO_KEY=https://user:pw@example.com/release.key DL_TOKEN=https://example.com/a.key?token=x
ENV SLACK_WEBHOOK_TOKEN=https://hooks.slack.com/services/T0/B0/XXXX
`,
      errors: [
        { messageId: "secret", line: 2, column: 5 },
        { messageId: "secret", line: 3, column: 5 },
        { messageId: "secret", line: 3, column: 54 },
        { messageId: "secret", line: 4, column: 5 },
      ],
    },
    {
      name: "a default password, a word that holds a null word, an ARG whose null default stands for what a build passes",
      code: `FROM alpine:3.20
ENV ADMIN_PASSWORD=changeme DB_PASSWORD=nonexistent API_TOKEN={"k":"v"}
ARG GITHUB_TOKEN=none
`,
      errors: [
        { messageId: "secret", line: 2, column: 5 },
        { messageId: "secret", line: 2, column: 29 },
        { messageId: "secret", line: 2, column: 53 },
        { messageId: "secret", line: 3, column: 5 },
      ],
    },
    {
      name: "secrets that look like names: no known extension, or a slash in a base64 key",
      code: `FROM alpine:3.20
ENV DB_PASSWORD=hunter2.secret AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`,
      errors: [
        { messageId: "secret", line: 2, column: 5 },
        { messageId: "secret", line: 2, column: 32 },
      ],
    },
    {
      code: `FROM alpine
ARG GITHUB_TOKEN
`,
      errors: [
        {
          messageId: "secret",
          message:
            "Possible secret in ARG 'GITHUB_TOKEN': its value is stored in the image; use a secret mount instead.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 17,
        },
      ],
    },
    {
      code: `FROM alpine
ENV A=1 db_password=x
`,
      errors: [{ messageId: "secret", line: 2, column: 9, endColumn: 20 }],
    },
    {
      name: "the password of a Jenkins credential, not its user name; a path relative to the working directory may be the secret itself",
      code: `FROM alpine
ARG ARTIFACTORY_USR
ARG ARTIFACTORY_PSW
ENV API_KEY=app/key
`,
      errors: [
        { messageId: "secret", line: 3, column: 5 },
        { messageId: "secret", line: 4, column: 5 },
      ],
    },
    {
      name: "every deny token, in any case",
      code: `FROM alpine
ARG apikey auth CREDENTIAL my_credentials key Password PWORD passwd secret_value token
`,
      errors: 10,
    },
    {
      name: "a fingerprint under a token name",
      code: `FROM alpine
ENV GITHUB_TOKEN=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D
`,
      errors: 1,
    },
    {
      name: "a fingerprint under an API key name",
      code: `FROM alpine
ENV API_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D
`,
      errors: 1,
    },
    {
      name: "a value from a build argument",
      code: `FROM alpine
ARG SIGNING_KEY
ENV SIGNING_KEY=$SIGNING_KEY
`,
      errors: [
        { messageId: "secret", line: 2 },
        { messageId: "secret", line: 3 },
      ],
    },
    {
      name: "legacy ENV form",
      code: `FROM alpine
ENV AWS_SECRET_ACCESS_KEY abc
`,
      errors: [{ messageId: "secret", line: 2, column: 5 }],
    },
    {
      name: "quoted ENV name",
      code: `FROM alpine
ENV "NPM_TOKEN"=x
`,
      errors: [
        {
          messageId: "secret",
          message:
            "Possible secret in ENV 'NPM_TOKEN': its value is stored in the image; use a secret mount instead.",
        },
      ],
    },
  ],
});
