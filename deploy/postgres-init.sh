#!/usr/bin/env bash
# First start of the PostgreSQL volume: the app database and its two roles, and one role for Temporal (its schema
# job creates the temporal and temporal_visibility databases).
#   qinglian      owns the app database and its tables; only the migrate job connects as it.
#   qinglian_app  what the api and the worker connect as: `migration:up` (DATABASE_APP_ROLE) grants it SELECT and
#                 INSERT on the event tables and ordinary DML on the read models, nothing else.
# Idempotent, and it sets the passwords from the environment each time: on a volume created before the roles were
# split, run it once with `docker compose exec postgres bash /docker-entrypoint-initdb.d/10-roles.sh`.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v owner_password="$QINGLIAN_DB_PASSWORD" -v app_password="$QINGLIAN_APP_DB_PASSWORD" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE qinglian LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'qinglian') \gexec
SELECT 'CREATE ROLE qinglian_app LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'qinglian_app') \gexec
SELECT 'CREATE ROLE temporal LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'temporal') \gexec
ALTER ROLE qinglian NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
ALTER ROLE qinglian_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'app_password';
ALTER ROLE temporal PASSWORD :'temporal_password';
SELECT 'CREATE DATABASE qinglian OWNER qinglian' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'qinglian') \gexec
-- Only the app's two roles may connect to its database.
REVOKE CONNECT, TEMPORARY ON DATABASE qinglian FROM PUBLIC;
GRANT CONNECT ON DATABASE qinglian TO qinglian, qinglian_app;
SQL
