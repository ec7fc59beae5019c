import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-go-versions.js";

ruleTester.run(rule, {
  valid: [
    `FROM golang:1
RUN go install golang.org/x/tools/cmd/goimports@v0.24.0
`,
    `FROM golang:1
RUN go install ./... && go install . && go run main.go github.com/a/b && go get
`,
    `FROM golang:1
RUN go build -o /out -ldflags '-s -w' ./cmd/x && go mod download
`,
    `FROM golang:1
RUN go install std cmd/x && go get -d -v ./...
`,
    `FROM golang:1
RUN go install github.com/a/b@$VERSION
`,
  ],
  invalid: [
    {
      code: `FROM golang:1
RUN go install github.com/a/b@latest
`,
      errors: [
        {
          messageId: "latest",
          message: "Package 'github.com/a/b' asks for '@latest'; pin it with '@<version>'.",
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      code: `FROM golang:1
RUN go get -u github.com/a/b
`,
      errors: [{ messageId: "unpinned", line: 2, column: 15, endColumn: 29 }],
    },
    {
      code: `FROM golang:1
RUN CGO_ENABLED=0 go run -tags x golang.org/x/y/cmd/z -flag
`,
      errors: [{ messageId: "unpinned", line: 2, column: 34 }],
    },
  ],
});
