//! The committed report in a real browser: headless Chromium, driven over the DevTools
//! protocol on a pipe (`--remote-debugging-pipe`: requests in on fd 3, replies out on fd 4,
//! NUL-separated JSON), opens output/report pages from file:// and the test reads the DOM, the
//! console and a screenshot. Screenshots go to cargo's temporary folder for tests, never to
//! output/.
//!
//! Without /usr/bin/chromium (or `$CHROMIUM`) the test prints that it is skipped, unless
//! `CI=true`, where it fails: CI installs the Debian package `chromium`.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

/// The repository root (where output/ lives).
fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// How long one page may take to load or one command to answer.
const WAIT: Duration = Duration::from_secs(60);

#[test]
fn report_pages_load_in_chromium_with_every_figure_and_chart() {
    let Some(binary) = chromium() else {
        let tried = chromium_path();
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromium is not installed at {} ($CHROMIUM overrides); CI must install it: apt-get install -y chromium",
            tried.display()
        );
        eprintln!(
            "SKIPPED report_pages_load_in_chromium_with_every_figure_and_chart: no chromium at {} (apt-get install -y chromium, or set $CHROMIUM); with CI=true this fails",
            tried.display()
        );
        return;
    };
    let report = repo().join("output/report");
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report_browser");
    std::fs::create_dir_all(&shots).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut browser = Browser::launch(&binary, profile.path());

    let index = browser.open(&report.join("index.html"));
    assert_eq!(index.errors, Vec::<String>::new(), "console errors on index.html");
    let charts = index.eval("Array.from(document.images).filter(i => i.src.endsWith('.svg')).length").as_u64().unwrap();
    assert!(charts > 0, "index.html shows no chart");
    assert_eq!(index.eval(BROKEN_IMAGES), json!([]), "images that did not load on index.html");
    assert_eq!(index.eval("document.querySelector('[data-filter-box]').hidden"), json!(false), "script shows the filter box");
    index.screenshot_not_blank(&shots.join("index.png"));

    let (source_id, rows) = article_with_most_mentions();
    let article = browser.open(&report.join(format!("articles/{source_id}.html")));
    assert_eq!(article.errors, Vec::<String>::new(), "console errors on the page of {source_id}");
    let marks = article.eval("document.querySelectorAll('[data-mention-id]').length");
    assert_eq!(marks.as_u64(), Some(rows as u64), "data-mention-id elements on the page of {source_id} vs its rows in mentions.csv");
    assert_eq!(
        article.eval("Array.from(document.querySelectorAll('[data-mention-id]')).every(m => m.tabIndex === 0)"),
        json!(true),
        "every figure is focusable"
    );
    assert_eq!(article.eval(FOCUS_SHOWS_TIP), json!(true), "focusing a figure shows its details");
    article.screenshot_not_blank(&shots.join("article.png"));

    let measure = browser.open(&report.join("measures/venezuelans_deported_to_cecot.html"));
    assert_eq!(measure.errors, Vec::<String>::new(), "console errors on a measure page");
    assert_eq!(measure.eval(BROKEN_IMAGES), json!([]), "images that did not load on a measure page");
    assert_eq!(measure.eval("document.images.length"), json!(1));
    measure.screenshot_not_blank(&shots.join("measure.png"));
}

/// The address of every image that failed to load.
const BROKEN_IMAGES: &str = "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)";

/// Focus the first figure and tell whether the tooltip shows its details.
const FOCUS_SHOWS_TIP: &str = "(() => { const m = document.querySelector('[data-mention-id]'); m.focus(); \
    const tip = document.getElementById('tip'); return !!tip && !tip.hidden && tip.textContent.includes('kind:'); })()";

/// Where the Chromium to run should be: `$CHROMIUM`, else the Debian package's.
fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// The Chromium to run, if it is there.
fn chromium() -> Option<PathBuf> {
    Some(chromium_path()).filter(|p| p.is_file())
}

/// The article with the most rows in output/mentions.csv, and that count.
fn article_with_most_mentions() -> (String, usize) {
    let mut reader = csv::Reader::from_path(repo().join("output/mentions.csv")).unwrap();
    let column = reader.headers().unwrap().iter().position(|h| h == "source_id").unwrap();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for record in reader.records() {
        *counts.entry(record.unwrap()[column].to_string()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(id, n)| (*n, std::cmp::Reverse(id.clone()))).expect("mentions.csv has rows")
}

/// A Chromium process and the DevTools session over its pipe.
struct Browser {
    child: Child,
    to_browser: std::process::ChildStdin,
    from_browser: Receiver<Value>,
    /// Messages that arrived while waiting for something else.
    pending: VecDeque<Value>,
    next_id: u64,
}

/// A loaded page: the console errors seen while loading, and a way to ask it things.
struct Page<'b> {
    browser: std::cell::RefCell<&'b mut Browser>,
    session: String,
    errors: Vec<String>,
}

impl Browser {
    fn launch(binary: &Path, profile: &Path) -> Browser {
        // The pipe's ends go in as the shell's stdin and stdout, which it moves to fds 3 and 4
        // before exec'ing the browser: no unsafe fd juggling between fork and exec here.
        let mut command = Command::new("/bin/sh");
        command
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 </dev/null >/dev/null"#)
            .arg(binary)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"])
            .args(["--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-pipe", "--window-size=1280,900"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = command.spawn().unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));
        let to_browser = child.stdin.take().unwrap();
        let from_browser_raw = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from_browser_raw);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).map(|n| n > 0).unwrap_or(false) {
                message.pop_if(|b| *b == 0);
                if let Ok(value) = serde_json::from_slice::<Value>(&message) {
                    if tx.send(value).is_err() {
                        break;
                    }
                }
                message.clear();
            }
        });
        Browser { child, to_browser, from_browser: rx, pending: VecDeque::new(), next_id: 1 }
    }

    /// The next message from the browser, or a panic after [`WAIT`].
    fn receive(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        self.from_browser.recv_timeout(left).unwrap_or_else(|e| panic!("no answer from chromium within {WAIT:?}: {e}"))
    }

    /// Send a command (to a page's `session`, or the browser) and wait for its result.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to_browser.write_all(&bytes).unwrap();
        let deadline = Instant::now() + WAIT;
        loop {
            let reply = self.receive(deadline);
            if reply["id"] == json!(id) {
                assert!(reply.get("error").is_none(), "{method} failed: {}", reply["error"]);
                return reply["result"].clone();
            }
            self.pending.push_back(reply);
        }
    }

    /// Wait for the event `method` of `session`, keeping every other message.
    fn wait_event(&mut self, session: &str, method: &str) {
        if let Some(i) = self.pending.iter().position(|m| m["method"] == json!(method) && m["sessionId"] == json!(session)) {
            self.pending.remove(i);
            return;
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.receive(deadline);
            if message["method"] == json!(method) && message["sessionId"] == json!(session) {
                return;
            }
            self.pending.push_back(message);
        }
    }

    /// Open `file` in a new tab and wait until it has loaded.
    fn open(&mut self, file: &Path) -> Page<'_> {
        assert!(file.is_file(), "{} is missing: run `cargo run -- build`", file.display());
        let target = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }));
        let attached = self.call(None, "Target.attachToTarget", json!({ "targetId": target["targetId"], "flatten": true }));
        let session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Runtime.enable", "Log.enable", "Page.enable"] {
            self.call(Some(&session), domain, json!({}));
        }
        let url = format!("file://{}", file.canonicalize().unwrap().display());
        self.call(Some(&session), "Page.navigate", json!({ "url": url }));
        self.wait_event(&session, "Page.loadEventFired");
        // Let late console messages arrive; a round trip is enough for what the load queued.
        self.call(Some(&session), "Runtime.evaluate", json!({ "expression": "1" }));
        let errors = self.take_errors(&session);
        Page { browser: std::cell::RefCell::new(self), session, errors }
    }

    /// The console errors, uncaught exceptions and failed loads reported for `session`.
    fn take_errors(&mut self, session: &str) -> Vec<String> {
        let mut errors = Vec::new();
        for m in self.pending.iter().filter(|m| m["sessionId"] == json!(session)) {
            let p = &m["params"];
            match m["method"].as_str().unwrap_or("") {
                "Runtime.exceptionThrown" => errors.push(format!("exception: {}", p["exceptionDetails"])),
                "Runtime.consoleAPICalled" if matches!(p["type"].as_str(), Some("error" | "assert")) => {
                    errors.push(format!("console.{}: {}", p["type"].as_str().unwrap_or(""), p["args"]))
                }
                "Log.entryAdded" if p["entry"]["level"] == json!("error") => {
                    errors.push(format!("{}: {}", p["entry"]["url"].as_str().unwrap_or(""), p["entry"]["text"].as_str().unwrap_or("")))
                }
                _ => {}
            }
        }
        self.pending.retain(|m| m["sessionId"] != json!(session));
        errors
    }
}

impl Drop for Browser {
    /// Ask the browser to close (so it ends its helper processes), and kill it, the process
    /// this test started, by its own handle if it has not gone within a few seconds.
    fn drop(&mut self) {
        let _ = self.to_browser.write_all(b"{\"id\":0,\"method\":\"Browser.close\"}\0");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Page<'_> {
    /// The value of a JavaScript expression in the page.
    fn eval(&self, expression: &str) -> Value {
        let mut browser = self.browser.borrow_mut();
        let result = browser.call(Some(&self.session), "Runtime.evaluate", json!({ "expression": expression, "returnByValue": true }));
        assert!(result.get("exceptionDetails").is_none(), "{expression}: {}", result["exceptionDetails"]);
        result["result"]["value"].clone()
    }

    /// Save a screenshot to `path` and check that it is not one flat colour.
    fn screenshot_not_blank(&self, path: &Path) {
        let mut browser = self.browser.borrow_mut();
        let shot = browser.call(Some(&self.session), "Page.captureScreenshot", json!({ "format": "png" }));
        let png = base64::engine::general_purpose::STANDARD.decode(shot["data"].as_str().unwrap()).unwrap();
        std::fs::write(path, &png).unwrap();
        let (pixels, differing) = pixels_unlike_the_first(&png);
        assert!(differing * 100 >= pixels, "{}: {differing} of {pixels} pixels differ from the first; the page looks blank", path.display());
    }
}

/// How many pixels a PNG has, and how many differ from its top-left pixel.
fn pixels_unlike_the_first(png: &[u8]) -> (usize, usize) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buffer).unwrap();
    let bytes_per_pixel = frame.color_type.samples() * if frame.bit_depth == png::BitDepth::Sixteen { 2 } else { 1 };
    let pixels: Vec<&[u8]> = buffer[..frame.buffer_size()].chunks(bytes_per_pixel).collect();
    let differing = pixels.iter().filter(|p| **p != pixels[0]).count();
    (pixels.len(), differing)
}
