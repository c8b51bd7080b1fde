-- normalized_text_hash(text): the exact-duplicate key; case and white space do not make two bodies different.
create or replace macro normalized_text_hash(body) as (
    sha256(regexp_replace(lower(trim(body)), '\s+', ' ', 'g'))
);
