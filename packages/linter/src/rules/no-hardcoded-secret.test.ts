import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-hardcoded-secret.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n",
    "FROM alpine:3\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n",
    "FROM node:22\nRUN echo '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' > .npmrc\n",
    "FROM alpine:3\nRUN echo '-----BEGIN PUBLIC KEY-----' > /k.pem\n",
    "FROM alpine:3\nRUN ssh-keygen -t ed25519 -f /k && grep -q 'BEGIN OPENSSH' /k\n",
    "FROM alpine:3\nLABEL sha=ghp_short\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3\nENV AWS_ACCESS_KEY_ID=AKIA81U33XTPLPFT75V2\n",
      errors: [{ messageId: "secret", line: 2, column: 23, endColumn: 43 }],
    },
    {
      code: "FROM alpine:3\nRUN git clone https://ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d@github.com/o/r.git\n",
      errors: [{ messageId: "secret", line: 2, column: 23, endColumn: 63 }],
    },
    {
      code: 'FROM node:22\nRUN echo "//registry.npmjs.org/:_authToken=npm_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR" > .npmrc\n',
      errors: [{ messageId: "secret", line: 2, column: 44, endColumn: 84 }],
    },
    {
      code: 'FROM node:22\nRUN echo "//npm.example.com/:_authToken=s3cr3t-t0ken-value" > .npmrc\n',
      errors: [{ messageId: "secret", line: 2, column: 11, endColumn: 59 }],
    },
    {
      code: "FROM alpine:3\nCOPY <<EOF /root/.ssh/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nEOF\n",
      errors: [{ messageId: "secret", line: 3, column: 1, endColumn: 36 }],
    },
    {
      code: "FROM alpine:3\nARG GITLAB=glpat-sMehGAkWvj7FAc9QeWJK\nENV MAPS=AIzaY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Q \\\n    HUB=dckr_pat_wb8DwkNhFdnXsiVpzz63FfkCzJr\n",
      errors: [
        { messageId: "secret", line: 2, column: 12, endColumn: 38 },
        { messageId: "secret", line: 3, column: 10, endColumn: 49 },
        { messageId: "secret", line: 4, column: 9, endColumn: 45 },
      ],
    },
    {
      code: "FROM alpine:3\nLABEL key=sk_live_4i0B3JrTAwR4y9ojfljoQoaF\n",
      errors: [{ messageId: "secret", line: 2, column: 11, endColumn: 43 }],
    },
  ],
});
