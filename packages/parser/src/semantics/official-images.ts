import { splitImageReference } from "./image-reference.js";

/**
 * The names of Docker Hub's official images (`docker.io/library/<name>`), every one that docker-library's
 * official-images repository ever listed: the current ones and the deprecated ones whose tags can still be pulled
 * (`centos`, `java`, `jenkins`). Read from its `library/` folder and that folder's history (August 2026).
 */
const names =
  "adminer adoptopenjdk aerospike almalinux alpine alt amazoncorretto amazonlinux api-firewall arangodb " +
  "archlinux azul-zulu backdrop bash bonita buildpack-deps busybox caddy cassandra celery centos chronograf " +
  "cirros clearlinux clefos clickhouse clojure composer consul convertigo couchbase couchdb couchdb-nouveau " +
  "crate crux dart debian django docker docker-dev drupal eclipse-mosquitto eclipse-temurin eggdrop " +
  "elasticsearch elixir emqx erlang espocrm euleros express-gateway fedora flink fluentd friendica fsharp " +
  "gazebo gcc geonetwork ghost glassfish golang gradle groovy haproxy haskell haxe hello-seattle " +
  "hello-world hipache hitch hola-mundo httpd hylang ibm-semeru-runtimes ibmjava influxdb iojs irssi java " +
  "jenkins jetty jobber joomla jruby julia kaazing-gateway kapacitor kibana known kong krakend " +
  "lightstreamer lightstreamer-server liquibase logstash mageia mariadb matomo maven mediawiki memcached " +
  "mongo mongo-express monica mono mosquitto mysql nats nats-streaming neo4j neurodebian nextcloud nginx " +
  "nim node notary notary-server notary-signer nuxeo odoo open-liberty openjdk opensuse oraclelinux " +
  "orientdb owncloud percona perl photon php php-zendserver phpmyadmin piwik plone postfixadmin postgres " +
  "pypy python r-base rabbitmq rails rakudo-star rapidoid redis redmine registry rethinkdb rocket.chat " +
  "rockylinux ros ruby rust sapmachine satosa sentry silverpeas sl solr sonarqube sourcemage spark spiped " +
  "storm swarm swift swipl teamspeak telegraf thrift tomcat tomee traefik ubuntu ubuntu-debootstrap " +
  "ubuntu-upstart unit varnish vault websphere-liberty wordpress xwiki yourls zend-php znc zookeeper";
const officialImages: ReadonlySet<string> = new Set(names.split(" "));

/** True when `name` (a repository without registry, namespace or tag: `node`, `postgres`) is an official image. */
export function isOfficialImage(name: string): boolean {
  return officialImages.has(name);
}

/**
 * Official images of operating systems: each is a root file system added to `scratch` with a CMD, and its config
 * sets no working directory, so a container (and the first RUN of a stage built on one) starts in `/`.
 */
const systemImages: ReadonlySet<string> = new Set(
  "almalinux alpine amazonlinux archlinux busybox centos debian fedora oraclelinux photon rockylinux ubuntu".split(
    " ",
  ),
);

/**
 * True when an image reference (`debian:12-slim`, `docker.io/library/alpine@sha256:…`) names one of Docker Hub's
 * official operating system images, whose working directory is `/`.
 */
export function startsAtRoot(image: string): boolean {
  const { name, registry } = splitImageReference(image.toLowerCase());
  if (registry !== "docker.io" && registry !== "index.docker.io") return false;
  const path = name.replace(/^(?:(?:index\.)?docker\.io\/)?(?:library\/)?/, "");
  return systemImages.has(path);
}
