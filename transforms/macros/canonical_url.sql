-- canonical_url(url): one spelling per page, so the same article reached through different links gets one id.
-- Lower-cases scheme and host, drops default ports, fragments, tracking parameters and a trailing slash.
create or replace macro url_scheme(url) as
    lower(regexp_extract(url, '^([A-Za-z][A-Za-z0-9+.-]*)://', 1));

create or replace macro url_host(url) as
    lower(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)', 1));

create or replace macro url_path(url) as
    regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+([^?#]*)', 1);

create or replace macro url_query_without_tracking(url) as
    array_to_string(
        list_filter(
            string_split(regexp_extract(url, '\?([^#]*)', 1), '&'),
            p -> p <> '' and not regexp_matches(
                lower(p), '^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|_ga|cmpid|ocid)(=|$)'
            )
        ),
        '&'
    );

create or replace macro canonical_url(url) as
    url_scheme(url) || '://'
    || case
        when url_scheme(url) = 'http' then regexp_replace(url_host(url), ':80$', '')
        when url_scheme(url) = 'https' then regexp_replace(url_host(url), ':443$', '')
        else url_host(url)
    end
    || case when url_path(url) in ('', '/') then '/' else regexp_replace(url_path(url), '/+$', '') end
    || case
        when url_query_without_tracking(url) = '' then ''
        else '?' || url_query_without_tracking(url)
    end;
