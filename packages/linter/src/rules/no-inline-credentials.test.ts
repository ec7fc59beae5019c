import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-inline-credentials.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3
RUN git clone https://git@github.com/o/r.git
`,
    `FROM alpine:3
RUN curl -u ci https://x
`,
    `FROM alpine:3
RUN docker login -u ci --password-stdin registry.x < /run/secrets/pw
`,
    `FROM alpine:3
RUN docker run -p 8080:80 nginx
`,
    `FROM alpine:3
RUN mysql -p -e 'select 1'
`,
    `FROM alpine:3
RUN --mount=type=secret,id=t,env=TOKEN git clone https://x:\${TOKEN}@git.x/r.git
`,
    `FROM alpine:3
RUN --mount=type=secret,id=pw curl -u "ci:$(cat /run/secrets/pw)" https://x
`,
    `FROM alpine:3
RUN aws configure set region eu-west-1
`,
    `FROM alpine:3
RUN echo 'see https://docs.x/a:b@c' > /dev/null && ls
`,
    {
      name: "a URL whose password opens nothing: Rails' nulldb adapter, a placeholder for a loopback server",
      code: `FROM ruby:3.3
RUN DATABASE_URL="nulldb://user:pass@localhost/db" SECRET_KEY_BASE=1 bundle exec rake assets:precompile
RUN DATABASE_URL=postgresql://user:pass@127.0.0.1:5432/dummy npx prisma generate && psql postgres://u:placeholder@[::1]/x -c 'select 1'
`,
    },
  ],
  invalid: [
    {
      name: "gcloud copies a service account's key into the layer, from a secret mount too",
      code: `FROM google/cloud-sdk:slim
RUN --mount=type=secret,id=sa,target=/tmp/key.json gcloud auth activate-service-account --key-file=/tmp/key.json && gsutil cp gs://b/x /x
RUN gcloud --quiet auth activate-service-account ci@p.iam.gserviceaccount.com --key-file /tmp/k.json && gsutil cp gs://b/y /y && rm -rf ~/.config/gcloud
`,
      errors: [
        {
          messageId: "stored",
          message:
            "'gcloud auth activate-service-account' copies the key into gcloud's configuration folder in the layer, where anyone who pulls the image can read it; remove ~/.config/gcloud before the RUN ends, or authenticate where the image is used.",
          line: 2,
          column: 52,
          endColumn: 88,
        },
      ],
    },
    {
      name: "a real or default password for a local database, a placeholder word for a remote one",
      code: `FROM postgres:17
RUN psql postgresql://app:s3cr3t@localhost/app -c 'select 1' && psql postgres://app:changeme@127.0.0.1/app
RUN git clone https://deploy:password@git.example.com/app.git
`,
      errors: [
        { messageId: "literal", line: 2, column: 27 },
        { messageId: "literal", line: 2, column: 85 },
        { messageId: "literal", line: 3, column: 30 },
      ],
    },
    {
      code: `FROM alpine:3
RUN git clone https://deploy:hunter2@git.example.com/app.git
`,
      errors: [{ messageId: "literal", line: 2, column: 30, endColumn: 37 }],
    },
    {
      code: `FROM alpine:3
RUN pip install --index-url "https://u:\${PIP_PASSWORD}@pypi.x/simple" a
`,
      errors: [{ messageId: "variable", line: 2, column: 40, endColumn: 55 }],
    },
    {
      code: `FROM alpine:3
RUN curl -fsSLu admin:admin -o /a https://x
`,
      errors: [{ messageId: "literal", line: 2, column: 23, endColumn: 28 }],
    },
    {
      code: `FROM alpine:3
RUN curl --user=ci:$CI_PASS \\
    https://x
`,
      errors: [{ messageId: "variable", line: 2, column: 20, endColumn: 28 }],
    },
    {
      code: `FROM alpine:3
RUN wget --http-password=s3cret https://x
`,
      errors: [{ messageId: "literal", line: 2, column: 26, endColumn: 32 }],
    },
    {
      code: `FROM alpine:3
RUN docker login -u ci -p "$REGISTRY_PASSWORD" registry.x
`,
      errors: [{ messageId: "variable", line: 2, column: 28, endColumn: 46 }],
    },
    {
      code: `FROM alpine:3
RUN sshpass -p toor ssh root@host true
`,
      errors: [{ messageId: "literal", line: 2, column: 16, endColumn: 20 }],
    },
    {
      code: `FROM alpine:3
RUN mysql -uroot -proot -e 'create database a'
`,
      errors: [{ messageId: "literal", line: 2, column: 20, endColumn: 24 }],
    },
    {
      code: `FROM alpine:3
RUN aws configure set aws_secret_access_key wJalrXUtnFEMI
`,
      errors: [{ messageId: "literal", line: 2, column: 45, endColumn: 58 }],
    },
    {
      code: `FROM alpine:3
RUN az login --service-principal -u app -p $AZ_SECRET --tenant t
`,
      errors: [{ messageId: "variable", line: 2, column: 44, endColumn: 54 }],
    },
    {
      code: `FROM alpine:3
RUN doctl auth init -t dop_v1_abc
`,
      errors: [{ messageId: "literal", line: 2, column: 24, endColumn: 34 }],
    },
  ],
});
