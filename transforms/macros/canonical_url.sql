-- canonical_url(url): one spelling per page, so the same article reached through different links gets one id.
-- Lower-cases scheme and host, drops default ports, fragments, tracking parameters and a trailing slash.
-- A URL is split once (url_parts: one regular expression, a struct) and the canonical form is built from the
-- parts: models split each URL in a CTE and call canonical_url_from_parts, so no regex runs twice on a row.
create or replace macro url_parts(url) as
    regexp_extract(
        url,
        '^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]+)([^?#]*)(?:\?([^#]*))?',
        ['scheme', 'authority', 'path', 'query']
    );

create or replace macro query_without_tracking(query) as
    array_to_string(
        list_filter(
            string_split(query, '&'),
            p -> p <> '' and not regexp_matches(
                lower(p), '^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|_ga|cmpid|ocid)(=|$)'
            )
        ),
        '&'
    );

create or replace macro canonical_url_from_parts(parts) as
    lower(parts.scheme) || '://'
    || case
        when lower(parts.scheme) = 'http' then regexp_replace(lower(parts.authority), ':80$', '')
        when lower(parts.scheme) = 'https' then regexp_replace(lower(parts.authority), ':443$', '')
        else lower(parts.authority)
    end
    || case when parts.path in ('', '/') then '/' else regexp_replace(parts.path, '/+$', '') end
    || coalesce('?' || nullif(query_without_tracking(parts.query), ''), '');

-- for ad-hoc use (`newscorpus query`, tests); models use the two steps above
create or replace macro canonical_url(url) as
    list_transform([url_parts(url)], parts -> canonical_url_from_parts(parts))[1];
