import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-pip-versions.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "uv pip's options with a value",
      code: `FROM python:3.12-slim
RUN uv pip install --system --no-cache --index-strategy unsafe-best-match --torch-backend cpu -P torch torch==2.8.0
`,
    },
    {
      name: "pipx: a pinned application, after an option that takes a value",
      code: `FROM python:3.12
RUN pipx install --python "$(which python)" "poetry==1.8.5"
`,
    },
    `FROM python:3.12
RUN pip install "requests @ git+https://github.com/psf/requests.git@v2.32.3" git+ssh://git@github.com/a/b.git@0f3c2e1#egg=b
`,
    `FROM python:3.12
RUN pip install hg+https://hg.example.com/repo@1.0#egg=repo
`,
    `FROM python:3
RUN pip install flask==3.0 'a>=1' "b~=2.1" c!=3 'd[x]==1'
`,
    `FROM python:3
RUN pip install -r requirements.txt flask
`,
    `FROM python:3
RUN pip install --requirement=req.txt && pip install -c constraints.txt x
`,
    `FROM python:3
RUN pip install . ./pkg /src/pkg dist/x.whl x-1.0.tar.gz git+https://github.com/a/b@v1
`,
    `FROM python:3
RUN pip install -e . --no-cache-dir
`,
    `FROM python:3
RUN pip install $PACKAGES
`,
    `FROM python:3
RUN pip install -i https://pypi.example/simple --target /opt x==1
`,
    `FROM python:3
RUN pip download flask && pip uninstall -y flask
`,
    `FROM python:3
RUN pip install 'flask @ https://x/flask.whl'
`,
  ],
  invalid: [
    {
      name: "an unquoted >= or < is a redirection: the package is installed without a version",
      code: `FROM python:3.12
RUN pip3 install setuptools>=41.0.0 'numba>=0.57' "flask<3" six>1 2>/dev/null
`,
      errors: [
        {
          messageId: "redirected",
          message:
            "The shell reads the '>' of setuptools>=41.0.0 as a redirection (of the file '=41.0.0'), so 'setuptools' is installed without a version; quote the requirement: 'setuptools>=41.0.0'.",
          line: 2,
          column: 18,
          endColumn: 28,
        },
        { messageId: "redirected", line: 2, column: 61 },
      ],
    },
    {
      name: "pipx install of an application without a version",
      code: `FROM python:3.12
RUN pipx install black
`,
      errors: [{ messageId: "unpinned", line: 2, column: 18, endColumn: 23 }],
    },
    {
      name: "pip in PowerShell and cmd scripts",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN pip install --no-cache-dir flask==3.0.0 requests
RUN powershell -Command "python -m pip install --no-cache-dir 'django'; Write-Host done"
`,
      errors: [
        { messageId: "unpinned", line: 2, column: 45, endColumn: 53 },
        { messageId: "unpinned", line: 3, column: 63, endColumn: 71 },
      ],
    },
    {
      name: "VCS URLs without a ref",
      code: `FROM python:3.12
RUN pip install git+https://github.com/a/b.git#egg=b git+ssh://git@github.com/a/c.git "d @ git+https://github.com/a/d"
`,
      errors: [
        {
          messageId: "vcsUnpinned",
          message:
            "'git+https://github.com/a/b.git#egg=b' installs whatever the repository's default branch holds on the day of the build; pin a tag or commit with '@<ref>'.",
          line: 2,
          column: 17,
        },
        { messageId: "vcsUnpinned", line: 2, column: 54 },
        { messageId: "vcsUnpinned", line: 2, column: 87 },
      ],
    },
    {
      code: `FROM python:3
RUN pip install --no-cache-dir flask
`,
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'flask' is installed without a version; pin it, e.g. 'flask==<version>'.",
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      code: `FROM python:3
RUN python3 -m pip install -U pip setuptools==70
`,
      errors: [{ messageId: "unpinned", line: 2, column: 31, endColumn: 34 }],
    },
    {
      code: `FROM python:3
RUN pip3.12 install --index-url https://x 'uvicorn[standard]'
`,
      errors: [{ messageId: "unpinned", line: 2, column: 43 }],
    },
  ],
});
