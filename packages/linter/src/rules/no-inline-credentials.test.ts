import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-inline-credentials.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3\nRUN git clone https://git@github.com/o/r.git\n",
    "FROM alpine:3\nRUN curl -u ci https://x\n",
    "FROM alpine:3\nRUN docker login -u ci --password-stdin registry.x < /run/secrets/pw\n",
    "FROM alpine:3\nRUN docker run -p 8080:80 nginx\n",
    "FROM alpine:3\nRUN mysql -p -e 'select 1'\n",
    "FROM alpine:3\nRUN --mount=type=secret,id=t,env=TOKEN git clone https://x:${TOKEN}@git.x/r.git\n",
    'FROM alpine:3\nRUN --mount=type=secret,id=pw curl -u "ci:$(cat /run/secrets/pw)" https://x\n',
    "FROM alpine:3\nRUN aws configure set region eu-west-1\n",
    "FROM alpine:3\nRUN echo 'see https://docs.x/a:b@c' > /dev/null && ls\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3\nRUN git clone https://deploy:hunter2@git.example.com/app.git\n",
      errors: [{ messageId: "literal", line: 2, column: 30, endColumn: 37 }],
    },
    {
      code: 'FROM alpine:3\nRUN pip install --index-url "https://u:${PIP_PASSWORD}@pypi.x/simple" a\n',
      errors: [{ messageId: "variable", line: 2, column: 40, endColumn: 55 }],
    },
    {
      code: "FROM alpine:3\nRUN curl -fsSLu admin:admin -o /a https://x\n",
      errors: [{ messageId: "literal", line: 2, column: 23, endColumn: 28 }],
    },
    {
      code: "FROM alpine:3\nRUN curl --user=ci:$CI_PASS \\\n    https://x\n",
      errors: [{ messageId: "variable", line: 2, column: 20, endColumn: 28 }],
    },
    {
      code: "FROM alpine:3\nRUN wget --http-password=s3cret https://x\n",
      errors: [{ messageId: "literal", line: 2, column: 26, endColumn: 32 }],
    },
    {
      code: 'FROM alpine:3\nRUN docker login -u ci -p "$REGISTRY_PASSWORD" registry.x\n',
      errors: [{ messageId: "variable", line: 2, column: 28, endColumn: 46 }],
    },
    {
      code: "FROM alpine:3\nRUN sshpass -p toor ssh root@host true\n",
      errors: [{ messageId: "literal", line: 2, column: 16, endColumn: 20 }],
    },
    {
      code: "FROM alpine:3\nRUN mysql -uroot -proot -e 'create database a'\n",
      errors: [{ messageId: "literal", line: 2, column: 20, endColumn: 24 }],
    },
    {
      code: "FROM alpine:3\nRUN aws configure set aws_secret_access_key wJalrXUtnFEMI\n",
      errors: [{ messageId: "literal", line: 2, column: 45, endColumn: 58 }],
    },
    {
      code: "FROM alpine:3\nRUN az login --service-principal -u app -p $AZ_SECRET --tenant t\n",
      errors: [{ messageId: "variable", line: 2, column: 44, endColumn: 54 }],
    },
    {
      code: "FROM alpine:3\nRUN doctl auth init -t dop_v1_abc\n",
      errors: [{ messageId: "literal", line: 2, column: 24, endColumn: 34 }],
    },
  ],
});
