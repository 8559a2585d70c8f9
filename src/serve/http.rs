//! The HTTP side of `serve`, with axum: each page from the last site whose
//! check passed, with the script and overlay of [`super::page`] added; a
//! folder's `index.html` for the folder; the site's `404.html` (or a page of
//! our own) where it has none; and the stream of build events that pages
//! listen to (`/__tracebrief/events`, Server-Sent Events).
//!
//! It stops on Ctrl-C (or SIGTERM): it takes no new connection, ends the
//! event streams, and lets the requests under way finish, for a few seconds
//! at most.

use std::convert::Infallible;
use std::io;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tokio::sync::watch;

use super::{Shown, page};

/// Where pages listen for builds.
pub const EVENTS: &str = "/__tracebrief/events";

/// How long requests under way may take to finish once asked to stop.
const GRACE: Duration = Duration::from_secs(3);

#[derive(Clone)]
struct App {
    shown: watch::Receiver<Shown>,
    /// Turns true when the server stops.
    stop: watch::Receiver<bool>,
}

/// Serves on `listener` until Ctrl-C or SIGTERM.
pub async fn serve(listener: std::net::TcpListener, shown: watch::Receiver<Shown>) -> io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let (stop, stopping) = watch::channel(false);
    let app = Router::new().route(EVENTS, get(events)).fallback(file).with_state(App { shown, stop: stopping.clone() });
    let mut stopped = stopping.clone();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let _ = stopped.wait_for(|stop| *stop).await;
    });
    let signal = async {
        stop_signal().await;
        stop.send_replace(true);
        tokio::time::sleep(GRACE).await;
    };
    tokio::select! {
        served = server => served,
        () = signal => Ok(()),
    }
}

/// Ctrl-C, or SIGTERM where there is one.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        let terminate = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut terminate) => {
                    terminate.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = interrupt => {}
            () = terminate => {}
        }
    }
    #[cfg(not(unix))]
    interrupt.await;
}

/// The builds, as Server-Sent Events: `reload` with the name of the latest
/// build, once on connecting and then after each build.
async fn events(State(app): State<App>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut shown = app.shown.clone();
    shown.mark_changed();
    let stream = futures_util::stream::unfold((shown, app.stop.clone()), |(mut shown, mut stop)| async move {
        let built = tokio::select! {
            changed = shown.changed() => changed.is_ok(),
            _ = stop.wait_for(|stop| *stop) => false,
        };
        if !built {
            return None;
        }
        let build = shown.borrow_and_update().build.to_string();
        Some((Ok(Event::default().event("reload").data(build)), (shown, stop)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// A file of the site, by the path of the request.
async fn file(State(app): State<App>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let shown = app.shown.borrow().clone();
    let Some(path) = site_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "not a path of the site\n").into_response();
    };
    match find(&shown, &path) {
        Found::File(key) => respond(StatusCode::OK, &key, &shown.files[&key], &shown),
        Found::Folder => {
            let query = uri.query().map_or(String::new(), |q| format!("?{q}"));
            let location = format!("{}/{query}", uri.path());
            let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
            if let Ok(location) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Found::Nothing => match shown.files.get("404.html") {
            Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", bytes, &shown),
            None => {
                let html = page::missing(uri.path(), !shown.files.is_empty());
                respond(StatusCode::NOT_FOUND, "404.html", html.as_bytes(), &shown)
            }
        },
    }
}

/// What a path of the site names.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// The file of the site at this key.
    File(String),
    /// A folder with an `index.html`, asked for without its final `/`.
    Folder,
    Nothing,
}

/// The file a request's path names: itself, or a folder's `index.html`.
fn find(shown: &Shown, path: &str) -> Found {
    let key = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
    if shown.files.contains_key(&key) {
        Found::File(key)
    } else if !path.is_empty() && !path.ends_with('/') && shown.files.contains_key(&format!("{path}/index.html")) {
        Found::Folder
    } else {
        Found::Nothing
    }
}

/// The path of a request as a path of the site (no leading `/`), decoded;
/// `None` for one that is not UTF-8 or leaves the site (`..`).
fn site_path(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    let path = decoded.trim_start_matches('/');
    let bad = path.split('/').any(|part| part == ".." || part == ".") || path.contains('\\') || path.contains('\0');
    (!bad).then(|| path.to_string())
}

/// A response with a file's bytes, its type, and (for a page) what `serve` adds.
fn respond(status: StatusCode, key: &str, bytes: &[u8], shown: &Shown) -> Response {
    let kind = mime_guess::from_path(key).first_or_octet_stream();
    let is_page = kind.essence_str() == "text/html";
    let textual = kind.type_() == mime_guess::mime::TEXT
        || matches!(kind.essence_str(), "application/javascript" | "application/json" | "image/svg+xml");
    let content_type = if textual { format!("{}; charset=utf-8", kind.essence_str()) } else { kind.to_string() };
    let body = if is_page { Body::from(page::inject(bytes, shown)) } else { Body::from(bytes.to_vec()) };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    // every reload asks again: the site changes under the browser
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::output::MemoryFiles;

    fn shown(paths: &[&str]) -> Shown {
        let files: MemoryFiles = paths.iter().map(|p| (p.to_string(), Arc::from(&b"x"[..]))).collect();
        Shown { files: Arc::new(files), overlay: None, build: Arc::from("1") }
    }

    #[test]
    fn paths_name_files_and_folders() {
        let site = shown(&["index.html", "briefings/a/index.html", "briefings/a/source.html", "style.css"]);
        let cases = [
            ("", Found::File("index.html".into())),
            ("briefings/a/", Found::File("briefings/a/index.html".into())),
            ("briefings/a", Found::Folder),
            ("briefings/a/source.html", Found::File("briefings/a/source.html".into())),
            ("style.css", Found::File("style.css".into())),
            ("briefings/", Found::Nothing),
            ("briefings/b", Found::Nothing),
        ];
        for (path, expected) in cases {
            assert_eq!(find(&site, path), expected, "{path:?}");
        }
    }

    #[test]
    fn request_paths_are_decoded_and_kept_inside_the_site() {
        let cases = [
            ("/", Some("")),
            ("/briefings/a/", Some("briefings/a/")),
            ("/files/a%20b.pdf", Some("files/a b.pdf")),
            ("/%C3%A9t%C3%A9.html", Some("été.html")),
            ("/../secret", None),
            ("/a/%2e%2e/b", None),
            ("/%FF", None),
        ];
        for (path, expected) in cases {
            assert_eq!(site_path(path).as_deref(), expected, "{path}");
        }
    }
}
