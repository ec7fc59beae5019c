import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-go-versions.js";

ruleTester.run(rule, {
  valid: [
    "FROM golang:1\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0\n",
    "FROM golang:1\nRUN go install ./... && go install . && go run main.go github.com/a/b && go get\n",
    "FROM golang:1\nRUN go build -o /out -ldflags '-s -w' ./cmd/x && go mod download\n",
    "FROM golang:1\nRUN go install std cmd/x && go get -d -v ./...\n",
    "FROM golang:1\nRUN go install github.com/a/b@$VERSION\n",
  ],
  invalid: [
    {
      code: "FROM golang:1\nRUN go install github.com/a/b@latest\n",
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
      code: "FROM golang:1\nRUN go get -u github.com/a/b\n",
      errors: [{ messageId: "unpinned", line: 2, column: 15, endColumn: 29 }],
    },
    {
      code: "FROM golang:1\nRUN CGO_ENABLED=0 go run -tags x golang.org/x/y/cmd/z -flag\n",
      errors: [{ messageId: "unpinned", line: 2, column: 34 }],
    },
  ],
});
