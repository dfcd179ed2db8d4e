"""On SQLite, the token table becomes WITHOUT ROWID: its (token, person) key is the table itself."""

from typing import Any

from django.db import migrations

SQL = """
CREATE TABLE registry_persontoken_new (
    token varchar(40) NOT NULL,
    person_id bigint NOT NULL REFERENCES registry_person (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (token, person_id)
) WITHOUT ROWID;
INSERT INTO registry_persontoken_new (token, person_id) SELECT token, person_id FROM registry_persontoken;
DROP TABLE registry_persontoken;
ALTER TABLE registry_persontoken_new RENAME TO registry_persontoken;
"""


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in SQL.split(";"):
            if statement.strip():
                cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_households_persons_memberships")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
