import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-secrets-in-arg-or-env.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nARG VERSION\nENV PATH=/usr/bin\n",
    {
      name: "tokens must be whole _-separated parts",
      code: "FROM alpine\nARG TOKENS\nENV MONKEY=1 AUTHOR=me KEYS=a PASSWORDS=x\n",
    },
    {
      name: "allow tokens",
      code: "FROM alpine\nARG GPG_PUBLIC_KEY\nENV SECRET_FILE=/run/x API_KEY_VERSION=2\n",
    },
    { name: "ARGs before the first FROM", code: "ARG GITHUB_TOKEN\nFROM alpine\n" },
    { name: "ONBUILD triggers", code: "FROM alpine\nONBUILD ARG GITHUB_TOKEN\n" },
    { name: "dashes do not separate tokens", code: "FROM alpine\nARG api-key\n" },
    {
      name: "GPG fingerprints",
      code: 'FROM alpine\nENV GPG_KEY 0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D\nARG PGP_KEY_IDS="0xBA5473A2B0587B07 0x216094DFD0CB81EF"\n',
    },
    {
      name: "a fingerprint through an ARG",
      code: "FROM alpine\nARG SWIFT_SIGNING_KEY=A62AE125BBBFBB96A6E042EC925CC1CCED3D1561\nENV SWIFT_SIGNING_KEY=$SWIFT_SIGNING_KEY\n",
    },
    {
      name: "a fingerprint from a global ARG",
      code: "ARG LLVM_KEY=6084F3CF814B57C1CF12EFD515CF4D18AF4F7421\nFROM alpine\nARG LLVM_KEY\n",
    },
    {
      name: "paths, booleans and empty values",
      code: "FROM alpine\nENV TLS_PRIVATE_KEY=/etc/tls.key USE_AUTH_PLUGIN=True API_TOKEN=\n",
    },
  ],
  invalid: [
    {
      code: "FROM alpine\nARG GITHUB_TOKEN\n",
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
      code: "FROM alpine\nENV A=1 db_password=x\n",
      errors: [{ messageId: "secret", line: 2, column: 9, endColumn: 20 }],
    },
    {
      name: "every deny token, in any case",
      code: "FROM alpine\nARG apikey auth CREDENTIAL my_credentials key Password PWORD passwd secret_value token\n",
      errors: 10,
    },
    {
      name: "a fingerprint under a token name",
      code: "FROM alpine\nENV GITHUB_TOKEN=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D\n",
      errors: 1,
    },
    {
      name: "a fingerprint under an API key name",
      code: "FROM alpine\nENV API_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D\n",
      errors: 1,
    },
    {
      name: "a value from a build argument",
      code: "FROM alpine\nARG SIGNING_KEY\nENV SIGNING_KEY=$SIGNING_KEY\n",
      errors: [
        { messageId: "secret", line: 2 },
        { messageId: "secret", line: 3 },
      ],
    },
    {
      name: "legacy ENV form",
      code: "FROM alpine\nENV AWS_SECRET_ACCESS_KEY abc\n",
      errors: [{ messageId: "secret", line: 2, column: 5 }],
    },
    {
      name: "quoted ENV name",
      code: 'FROM alpine\nENV "NPM_TOKEN"=x\n',
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
