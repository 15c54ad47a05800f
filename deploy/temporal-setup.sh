#!/bin/sh
# Idempotent: creates and migrates Temporal's databases (mode "schema"), or waits for the server and
# registers the namespace and the case search attributes (mode "namespace").
set -eu
case "$1" in
  schema)
    for db in temporal temporal_visibility; do
      dir=temporal; [ "$db" = temporal_visibility ] && dir=visibility
      sql() { temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u temporal --pw "$TEMPORAL_DB_PASSWORD" --db "$db" "$@"; }
      sql create-database 2>/dev/null || echo "database $db exists"
      sql setup-schema -v 0.0 2>/dev/null || echo "schema of $db already initialised"
      sql update-schema -d "/etc/temporal/schema/postgresql/v12/$dir/versioned"
    done
    ;;
  namespace)
    until temporal operator cluster health --address temporal:7233 >/dev/null 2>&1; do
      echo "waiting for the Temporal server"; sleep 2
    done
    temporal operator namespace describe --address temporal:7233 --namespace default >/dev/null 2>&1 ||
      temporal operator namespace create --address temporal:7233 --namespace default --retention 30d
    # A namespace just created can refuse search attributes for a few seconds: retry until listed.
    for attribute in QinglianCampaign=Keyword QinglianCategory=Keyword QinglianStage=Keyword QinglianNextDueAt=Datetime; do
      name=${attribute%%=*}; type=${attribute#*=}
      tries=0
      until temporal operator search-attribute list --address temporal:7233 --namespace default | grep -qw "$name"; do
        tries=$((tries + 1))
        [ "$tries" -le 30 ] || { echo "could not register search attribute $name" >&2; exit 1; }
        temporal operator search-attribute create --address temporal:7233 --namespace default --name "$name" --type "$type" || sleep 2
      done
      echo "search attribute $name registered"
    done
    # Listed is not yet usable: the frontend (and history) read them from a namespace cache refreshed every few
    # seconds. Wait until the frontend accepts a query naming all four, so the first enrollment cannot be refused.
    tries=0
    until temporal workflow count --address temporal:7233 --namespace default \
      --query 'QinglianCampaign = "probe" AND QinglianCategory = "probe" AND QinglianStage = "probe" AND QinglianNextDueAt > "2000-01-01T00:00:00Z"' >/dev/null 2>&1; do
      tries=$((tries + 1))
      [ "$tries" -le 30 ] || { echo "the frontend does not accept the case search attributes" >&2; exit 1; }
      sleep 1
    done
    echo "search attributes usable"
    ;;
  *) echo "usage: temporal-setup.sh schema|namespace" >&2; exit 2 ;;
esac
