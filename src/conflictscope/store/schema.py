"""The store's schema as numbered migrations, in SQL that SQLite and PostgreSQL share.

Each migration is a list of statements with placeholders filled per
dialect: ``{real}`` (a float column), ``{bigint}``, ``{blob}`` and ``{without_rowid}``
(SQLite keeps a table with that suffix in its primary-key b-tree only). Dates are ISO-8601 TEXT
(sortable, portable); booleans are INTEGER 0/1. A migration is applied once, in
its own transaction, and recorded in ``schema_migrations``; opening a store
applies whatever is missing, so an old database is upgraded on first use.

To change the schema, APPEND a migration; never edit an applied one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema change."""

    version: int
    name: str
    statements: tuple[str, ...]


#: The 1-degree map cell of a row (row * 360 + column, counted from -90 and -180), as each
#: dialect floors (SQLite's CAST truncates, PostgreSQL's rounds): the expression the cell index
#: of migration 6 holds and ``query.build_where`` repeats word for word so the planner uses it.
CELL_SQL = {
    "sqlite": "CAST(latitude + 90.0 AS INTEGER) * 360 + CAST(longitude + 180.0 AS INTEGER)",
    "postgresql": "CAST(FLOOR(latitude + 90.0) AS INTEGER) * 360 + CAST(FLOOR(longitude + 180.0) AS INTEGER)",
}

DIALECT_TYPES: dict[str, dict[str, str]] = {
    "sqlite": {"real": "REAL", "bigint": "INTEGER", "blob": "BLOB",
               "without_rowid": " WITHOUT ROWID", "cell": CELL_SQL["sqlite"]},
    "postgresql": {"real": "DOUBLE PRECISION", "bigint": "BIGINT", "blob": "BYTEA",
                   "without_rowid": "", "cell": CELL_SQL["postgresql"]},
}

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, events, evidence, actors, places, sources, journal",
        (
            """CREATE TABLE articles (
                article_id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL,
                title TEXT NOT NULL DEFAULT '',
                published TEXT,
                url TEXT NOT NULL DEFAULT '',
                publisher TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT 'en',
                pipeline_version TEXT NOT NULL,
                stored_at TEXT NOT NULL
            )""",
            """CREATE TABLE article_sources (
                article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
                source_key TEXT NOT NULL,
                url TEXT NOT NULL DEFAULT '',
                publisher TEXT NOT NULL DEFAULT '',
                published TEXT,
                input TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (article_id, source_key)
            )""",
            """CREATE TABLE places (
                place_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                country TEXT NOT NULL DEFAULT '',
                iso3 TEXT NOT NULL DEFAULT '',
                admin1 TEXT NOT NULL DEFAULT '',
                admin2 TEXT NOT NULL DEFAULT '',
                latitude {real},
                longitude {real},
                gazetteer_id TEXT NOT NULL DEFAULT ''
            )""",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                disorder_type TEXT NOT NULL DEFAULT '',
                civilian_targeting INTEGER NOT NULL DEFAULT 0,
                confidence {real} NOT NULL,
                actor1 TEXT NOT NULL DEFAULT '',
                inter1 INTEGER NOT NULL DEFAULT 0,
                actor2 TEXT NOT NULL DEFAULT '',
                inter2 INTEGER NOT NULL DEFAULT 0,
                interaction INTEGER NOT NULL DEFAULT 0,
                country TEXT NOT NULL DEFAULT '',
                iso3 TEXT NOT NULL DEFAULT '',
                admin1 TEXT NOT NULL DEFAULT '',
                admin2 TEXT NOT NULL DEFAULT '',
                location TEXT NOT NULL DEFAULT '',
                latitude {real},
                longitude {real},
                geo_precision INTEGER,
                where_prec INTEGER,
                gazetteer_id TEXT NOT NULL DEFAULT '',
                event_date TEXT,
                date_start TEXT,
                date_end TEXT,
                time_precision INTEGER,
                date_prec INTEGER,
                is_background INTEGER NOT NULL DEFAULT 0,
                fatalities {bigint},
                fatalities_low {bigint},
                fatalities_best {bigint},
                fatalities_high {bigint},
                notes TEXT NOT NULL DEFAULT '',
                nested TEXT NOT NULL DEFAULT '',
                country_key TEXT NOT NULL DEFAULT '',
                iso3_key TEXT NOT NULL DEFAULT '',
                admin1_key TEXT NOT NULL DEFAULT '',
                place_id TEXT,
                search_text TEXT NOT NULL DEFAULT '',
                stored_at TEXT NOT NULL
            )""",
            "CREATE INDEX events_article ON events (article_id)",
            "CREATE INDEX events_country_type_date ON events (country_key, event_type, event_date)",
            "CREATE INDEX events_iso3_type_date ON events (iso3_key, event_type, event_date)",
            "CREATE INDEX events_country_date ON events (country_key, event_date)",
            "CREATE INDEX events_iso3_date ON events (iso3_key, event_date)",
            "CREATE INDEX events_subtype_date ON events (sub_event_type, event_date)",
            "CREATE INDEX events_type_date ON events (event_type, event_date)",
            "CREATE INDEX events_date ON events (event_date)",
            "CREATE INDEX events_lat_lon ON events (latitude, longitude)",
            "CREATE INDEX events_admin1 ON events (admin1_key, event_date)",
            """CREATE TABLE event_evidence (
                event_id TEXT NOT NULL,
                field TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                span_text TEXT NOT NULL,
                PRIMARY KEY (event_id, field, ordinal)
            )""",
            """CREATE TABLE event_actors (
                event_id TEXT NOT NULL,
                role TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                inter INTEGER,
                PRIMARY KEY (event_id, role, ordinal)
            )""",
            "CREATE INDEX event_actors_name ON event_actors (name_key)",
            """CREATE TABLE event_sources (
                event_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                article_id TEXT NOT NULL,
                publisher TEXT NOT NULL DEFAULT '',
                url TEXT NOT NULL DEFAULT '',
                published TEXT,
                attributed_to TEXT,
                certainty TEXT NOT NULL,
                PRIMARY KEY (event_id, ordinal)
            )""",
            """CREATE TABLE ingest_journal (
                input TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                pipeline_version TEXT NOT NULL DEFAULT '',
                article_id TEXT NOT NULL DEFAULT '',
                events INTEGER NOT NULL DEFAULT 0,
                error TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX ingest_journal_status ON ingest_journal (status)",
        ),
    ),
    Migration(
        2,
        "bounding-box index covers the date order (no row lookups before LIMIT)",
        (
            "DROP INDEX events_lat_lon",
            "CREATE INDEX events_bbox ON events (latitude, longitude, event_date, event_id)",
        ),
    ),
    Migration(
        3,
        "near-duplicate texts: MinHash signatures, LSH band keys, journal similarity, settings",
        (
            # one row per stored text: its MinHash (uint32 little-endian values) and sizes
            """CREATE TABLE article_signatures (
                article_id TEXT PRIMARY KEY REFERENCES articles(article_id) ON DELETE CASCADE,
                scheme TEXT NOT NULL,
                words INTEGER NOT NULL,
                shingles INTEGER NOT NULL,
                signature {blob} NOT NULL
            )""",
            # (band, key) -> article: candidates of a new text are one indexed IN query
            """CREATE TABLE article_bands (
                band_key {bigint} NOT NULL,
                article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
                band INTEGER NOT NULL,
                PRIMARY KEY (band_key, article_id)
            ){without_rowid}""",
            "CREATE INDEX article_bands_article ON article_bands (article_id)",
            "ALTER TABLE ingest_journal ADD COLUMN similarity {real}",
            """CREATE TABLE store_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        4,
        "canonical events: mentions, their links and clusters, canonical events, analyst overrides",
        (
            # one row per stored event (a mention): what the merge compares (data, JSON), the
            # columns its candidates are found by, its component and cluster (smallest ids)
            """CREATE TABLE mentions (
                mention_id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL,
                family TEXT NOT NULL,
                country_key TEXT NOT NULL,
                win_start TEXT,
                win_end TEXT,
                win_tier INTEGER,
                published TEXT,
                background INTEGER NOT NULL,
                lat_key {real},
                lon_key {real},
                prec_key INTEGER NOT NULL,
                data TEXT NOT NULL,
                component TEXT NOT NULL,
                cluster_id TEXT NOT NULL
            )""",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            # covering: the place filter is read from the index before any row is fetched
            "CREATE INDEX mentions_window ON mentions (family, country_key, win_tier, win_start, "
            "win_end, lat_key, lon_key, prec_key)",
            "CREATE INDEX mentions_published ON mentions (family, country_key, published, background, "
            "lat_key, lon_key, prec_key)",
            "CREATE INDEX mentions_component ON mentions (component)",
            "CREATE INDEX mentions_cluster ON mentions (cluster_id)",
            # linked pairs (a < b) and their scores
            """CREATE TABLE mention_links (
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                score {real} NOT NULL,
                PRIMARY KEY (a, b)
            ){without_rowid}""",
            "CREATE INDEX mention_links_b ON mention_links (b)",
            """CREATE TABLE canonical_events (
                event_id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                disorder_type TEXT NOT NULL DEFAULT '',
                civilian_targeting INTEGER NOT NULL DEFAULT 0,
                confidence {real} NOT NULL,
                actor1 TEXT NOT NULL DEFAULT '',
                inter1 INTEGER NOT NULL DEFAULT 0,
                actor2 TEXT NOT NULL DEFAULT '',
                inter2 INTEGER NOT NULL DEFAULT 0,
                interaction INTEGER NOT NULL DEFAULT 0,
                country TEXT NOT NULL DEFAULT '',
                iso3 TEXT NOT NULL DEFAULT '',
                admin1 TEXT NOT NULL DEFAULT '',
                admin2 TEXT NOT NULL DEFAULT '',
                location TEXT NOT NULL DEFAULT '',
                latitude {real},
                longitude {real},
                geo_precision INTEGER,
                where_prec INTEGER,
                gazetteer_id TEXT NOT NULL DEFAULT '',
                event_date TEXT,
                date_start TEXT,
                date_end TEXT,
                time_precision INTEGER,
                date_prec INTEGER,
                is_background INTEGER NOT NULL DEFAULT 0,
                fatalities {bigint},
                fatalities_low {bigint},
                fatalities_best {bigint},
                fatalities_high {bigint},
                notes TEXT NOT NULL DEFAULT '',
                nested TEXT NOT NULL DEFAULT '',
                country_key TEXT NOT NULL DEFAULT '',
                iso3_key TEXT NOT NULL DEFAULT '',
                admin1_key TEXT NOT NULL DEFAULT '',
                place_id TEXT,
                search_text TEXT NOT NULL DEFAULT '',
                stored_at TEXT NOT NULL,
                mention_count INTEGER NOT NULL,
                source_count INTEGER NOT NULL,
                event_clarity INTEGER NOT NULL,
                provenance TEXT NOT NULL
            )""",
            "CREATE INDEX canonical_country_type_date ON canonical_events (country_key, event_type, event_date)",
            "CREATE INDEX canonical_iso3_type_date ON canonical_events (iso3_key, event_type, event_date)",
            "CREATE INDEX canonical_country_date ON canonical_events (country_key, event_date)",
            "CREATE INDEX canonical_iso3_date ON canonical_events (iso3_key, event_date)",
            "CREATE INDEX canonical_subtype_date ON canonical_events (sub_event_type, event_date)",
            "CREATE INDEX canonical_type_date ON canonical_events (event_type, event_date)",
            "CREATE INDEX canonical_date ON canonical_events (event_date)",
            "CREATE INDEX canonical_bbox ON canonical_events (latitude, longitude, event_date, event_id)",
            "CREATE INDEX canonical_admin1 ON canonical_events (admin1_key, event_date)",
            # analyst overrides: the audit record, and the pairs they constrain
            """CREATE TABLE merge_overrides (
                override_id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                event_id TEXT NOT NULL,
                mention_ids TEXT NOT NULL,
                reason TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE override_pairs (
                override_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                a_article TEXT NOT NULL,
                b_article TEXT NOT NULL,
                a_key TEXT NOT NULL,
                b_key TEXT NOT NULL,
                PRIMARY KEY (override_id, a, b)
            )""",
            "CREATE INDEX override_pairs_a ON override_pairs (a)",
            "CREATE INDEX override_pairs_b ON override_pairs (b)",
            "CREATE INDEX override_pairs_a_article ON override_pairs (a_article)",
            "CREATE INDEX override_pairs_b_article ON override_pairs (b_article)",
        ),
    ),
    Migration(
        5,
        "analyst corrections of event fields and 'not an event' (audited, re-applied on re-extraction)",
        (
            # one row per correction: the audit record (old and new value as JSON) and the
            # mention it is anchored to (its article and key follow it across re-extraction)
            """CREATE TABLE corrections (
                correction_id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                mention_id TEXT NOT NULL,
                article_id TEXT NOT NULL,
                mention_key TEXT NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT NOT NULL,
                new_value TEXT NOT NULL,
                reason TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX corrections_mention ON corrections (mention_id)",
            "CREATE INDEX corrections_article ON corrections (article_id)",
            # rows marked "not an event" are left out of queries unless asked for
            "ALTER TABLE events ADD COLUMN not_event INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE canonical_events ADD COLUMN not_event INTEGER NOT NULL DEFAULT 0",
        ),
    ),
    Migration(
        6,
        "read path of the API: canonical events by 1-degree cell and by (date, id)",
        (
            # a small box is a few cells: their rows, points and sort keys come from this index
            # alone, instead of a scan of the whole latitude band of canonical_bbox
            "CREATE INDEX canonical_cell ON canonical_events (({cell}), latitude, longitude, "
            "event_date, event_id)",
            # pages in date order (ties by id, either direction) read in index order, without
            # sorting a day's events; it replaces the index on the date alone
            "CREATE INDEX canonical_date_id ON canonical_events (event_date, event_id)",
            "DROP INDEX canonical_date",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
#: The migration that adds canonical events (stores upgraded past it get their mentions made).
MENTIONS_MIGRATION = 4


def statements_for(migration: Migration, dialect: str) -> list[str]:
    """The migration's statements with the dialect's types filled in."""
    types = DIALECT_TYPES[dialect]
    return [statement.format(**types) for statement in migration.statements]
