import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-go-versions.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "GOPATH mode takes no version: Go before 1.11, or GO111MODULE=off",
      code: `FROM golang:1.9.2-stretch
COPY . /go/src/github.com/example/tool
RUN go get -d github.com/example/tool && go install github.com/example/tool
FROM golang:1.22
ENV GO111MODULE=off
RUN go get github.com/example/tool
FROM golang:1.22
RUN GO111MODULE=off go get github.com/example/other
`,
    },
    {
      name: "inside a module, go.mod pins the version",
      code: `FROM golang:1.24
COPY go.mod go.sum ./
RUN go install github.com/a/tool && go run github.com/b/gen ./...
`,
    },
    {
      name: "go install tool, and a bind mount of the context",
      code: `FROM golang:1.24
RUN --mount=type=bind,target=. go install tool google.golang.org/grpc/cmd/protoc-gen-go-grpc
RUN --mount=type=bind,target=/src,rw cd /src && go install github.com/a/tool
`,
    },
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
      name: "Go 1.11 and later, in module mode",
      code: `FROM golang:1.11-alpine
RUN go get github.com/example/tool
`,
      errors: [{ messageId: "unpinned", line: 2 }],
    },
    {
      name: "go get moves go.mod, and @latest stays unpinned inside a module",
      code: `FROM golang:1.24
COPY . .
RUN go get github.com/a/lib && go install github.com/a/tool@latest
`,
      errors: [
        { messageId: "unpinned", line: 3, column: 12 },
        { messageId: "latest", line: 3, column: 43 },
      ],
    },
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
