#!/usr/bin/env bash
# First start of the PostgreSQL volume: one role and database for the app, one role for Temporal
# (its schema job creates the temporal and temporal_visibility databases).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE qinglian LOGIN PASSWORD '${QINGLIAN_DB_PASSWORD}';
CREATE DATABASE qinglian OWNER qinglian;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD '${TEMPORAL_DB_PASSWORD}';
SQL
