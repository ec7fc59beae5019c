import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-add-for-archives.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nCOPY a.tar.gz /tmp/\n",
    "FROM alpine\nCOPY a.zip /tmp/\nRUN unzip /tmp/a.zip\n",
    "FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -tzf /tmp/a.tar.gz\n",
    "FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz --strip-components=1 -C /opt\n",
    "FROM alpine\nCOPY --from=build /a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz\n",
    "FROM alpine\nCOPY a.tar.gz /tmp/\nFROM alpine\nRUN tar -xzf /tmp/a.tar.gz\n",
    "FROM alpine\nCOPY b.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz\n",
    "FROM alpine\nCOPY a.gz /tmp/\nRUN gunzip /tmp/a.gz\n",
  ],
  invalid: [
    {
      code: "FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz -C /opt\n",
      errors: [
        {
          messageId: "extracted",
          message:
            "'a.tar.gz' is copied here and unpacked by tar on line 3; ADD unpacks a local tar archive in one layer.",
          line: 2,
          column: 6,
          endColumn: 14,
        },
      ],
    },
    {
      name: "the destination names the archive",
      code: "FROM alpine\nCOPY dist/release.tgz /tmp/app.tgz\nRUN cd /opt && tar xf /tmp/app.tgz\n",
      errors: [{ messageId: "extracted", line: 2, column: 23, endColumn: 35 }],
    },
    {
      code: "FROM alpine\nCOPY a.tar b.txt /tmp/\nRUN set -e; \\\n  tar --extract --file=/tmp/a.tar\n",
      errors: [{ messageId: "extracted", line: 2, column: 6, endColumn: 11 }],
    },
    {
      name: "reported once",
      code: "FROM alpine\nCOPY a.txz /tmp/\nRUN tar -xJf /tmp/a.txz\nRUN tar -xJf /tmp/a.txz\n",
      errors: [{ messageId: "extracted", line: 2 }],
    },
  ],
});
