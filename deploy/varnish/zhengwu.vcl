# Varnish in front of Zhengwu (Varnish 7, VCL 4.1).
#
# Caches what Plone's caching rules (plone.app.caching) allow a shared cache
# to keep, and nothing else:
#   - a response is stored only when it says so: `Cache-Control: s-maxage` or
#     `max-age` above 0; `private`, `no-store`, `no-cache`, a `Set-Cookie`
#     or no Cache-Control at all keep it out of the cache;
#   - requests of logged-in users (an `__ac` or `auth_token` cookie, an
#     `Authorization` header), every method but GET and HEAD, and requests carrying Plone's
#     status messages go straight to the backend (pass);
#   - anonymous GET and HEAD lose their other cookies (analytics and the
#     like), so that every citizen shares one cached copy;
#   - the REST API answers JSON on the page's own URL when asked with
#     `Accept: application/json`: Accept is reduced to that or nothing and
#     the answer varies on it (and on Accept-Encoding: Varnish compresses
#     text itself and serves gzip or plain as the client asks);
#   - PURGE (from the hosts in the `purgers` ACL, i.e. the Zope processes)
#     invalidates a path for every host name, query string and variant;
#     anyone else gets 405;
#   - every answer carries `X-Cache: HIT` or `MISS` and `Age`;
#   - when the backend is down (the balancer's health URL fails), cached
#     pages are served for up to six hours past their lifetime (grace).
#
# The backend (the balancer) and the `purgers` ACL are in
# zhengwu-backends.vcl, written for each installation by
# `python -m zhengwu.instance.stack` (make prod) or `... render` (systemd);
# varnishd finds it on its vcl_path, next to this file.

vcl 4.1;

import std;

include "zhengwu-backends.vcl";

sub vcl_recv {
    # Varnish itself appends the client's address to X-Forwarded-For; the
    # Zope processes believe it only from the balancer (TRUSTED_PROXIES).

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is not allowed from this address"));
        }
        # A path, for every host name, query string and variant: Plone
        # purges paths, and names its caching proxy by an address of its own.
        ban("obj.http.X-Url-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        return (synth(405, "BAN is not allowed"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Two representations per URL at most: the REST API's JSON, or the page.
    if (req.http.Accept ~ "application/json") {
        set req.http.Accept = "application/json";
    } else {
        unset req.http.Accept;
    }

    # Logged in: Plone's __ac cookie, plone.restapi's auth_token, or HTTP auth.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(__ac(_[a-z_]+)?|auth_token)=") {
        return (pass);
    }
    # Plone's status messages ("your message was sent") ride on a cookie to
    # the next page: that page is one person's.
    if (req.http.Cookie ~ "(^|;\s*)statusmessages=") {
        return (pass);
    }
    unset req.http.Cookie;

    # Serve a stale copy for at most 10 s while a fresh one is fetched; for
    # the object's whole grace when the backend is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Remembered for PURGE (see vcl_recv), removed again in vcl_deliver.
    set beresp.http.X-Url-Path = regsub(bereq.url, "\?.*$", "");

    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only an explicit Cache-Control lifetime counts (plone.app.caching
    # always sets one): without it beresp.ttl would be Varnish's default_ttl
    # (Plone's own `Expires: Sat, 1 Jan 2000` is not even a valid date).
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*"
        || beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)=") {
        # Not for a shared cache: remember that for 2 minutes so that the
        # requests for it are not queued behind each other (hit-for-miss).
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The JSON and the HTML of one URL are two objects (Accept, normalized
    # in vcl_recv), whatever the backend's own Vary says.
    if (!beresp.http.Vary) {
        set beresp.http.Vary = "Accept";
    } elsif (beresp.http.Vary !~ "(?i)(^|,)\s*Accept\s*(,|$)") {
        set beresp.http.Vary = beresp.http.Vary + ", Accept";
    }
    if (beresp.http.Content-Type ~ "(?i)^(text/|application/(json|javascript|xml|rss\+xml|atom\+xml)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # Past its lifetime an object may still be served while the backend is
    # down (grace), and kept for revalidation with its ETag (keep).
    set beresp.grace = 6h;
    set beresp.keep = 1h;
    return (deliver);
}

sub vcl_backend_error {
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    synthetic({"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>服务暂时不可用 Service unavailable</title></head>
<body><h1>服务暂时不可用</h1><p>网站正在维护或访问量过大，请稍后再试。</p>
<p lang="en">The site is temporarily unavailable. Please try again in a moment.</p></body></html>
"});
    return (deliver);
}

sub vcl_deliver {
    # A hit-for-miss object (an uncacheable answer remembered) counts
    # hits too: those requests went to the backend.
    if (obj.hits > 0 && !req.is_hitmiss && !req.is_hitpass) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Url-Path;
}

sub vcl_synth {
    if (resp.status == 200 || resp.status == 405) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic(resp.reason + {"
"});
        return (deliver);
    }
}
