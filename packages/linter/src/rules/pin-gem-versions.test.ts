import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-gem-versions.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "the words after -- are the native extension's build options",
      code: `FROM ruby:3
RUN gem install nokogiri:1.16.7 -- --use-system-libraries true
`,
    },
    `FROM ruby:3
RUN gem install bundler:2.5.16 rake:13.0
`,
    `FROM ruby:3
RUN gem install bundler -v 2.5.16 && gem install rails --version '~> 7.1'
`,
    `FROM ruby:3
RUN gem install ./x.gem $GEMS && gem update --system
`,
    `FROM ruby:3
RUN gem install --no-document -i /opt/gems bundler:2
`,
  ],
  invalid: [
    {
      code: `FROM ruby:3
RUN gem install --no-document bundler
`,
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
    {
      code: `FROM ruby:3
RUN gem i rake
`,
      errors: [{ messageId: "unpinned", line: 2, column: 11 }],
    },
  ],
});
