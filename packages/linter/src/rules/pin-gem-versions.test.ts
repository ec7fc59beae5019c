import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-gem-versions.js";

ruleTester.run(rule, {
  valid: [
    "FROM ruby:3\nRUN gem install bundler:2.5.16 rake:13.0\n",
    "FROM ruby:3\nRUN gem install bundler -v 2.5.16 && gem install rails --version '~> 7.1'\n",
    "FROM ruby:3\nRUN gem install ./x.gem $GEMS && gem update --system\n",
    "FROM ruby:3\nRUN gem install --no-document -i /opt/gems bundler:2\n",
  ],
  invalid: [
    {
      code: "FROM ruby:3\nRUN gem install --no-document bundler\n",
      errors: [
        {
          messageId: "unpinned",
          message: "Gem 'bundler' is installed without a version; pin it with 'bundler:<version>'.",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
        },
      ],
    },
    { code: "FROM ruby:3\nRUN gem i rake\n", errors: [{ messageId: "unpinned", line: 2, column: 11 }] },
  ],
});
