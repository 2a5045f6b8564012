//! Helpers shared by the integration tests (each test file includes this
//! module and uses what it needs).
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// A fresh folder for one test, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// `psh-KIND-TAG-PID` in the temporary folder (KIND names the test
    /// file, so files running at the same time do not share folders).
    pub fn new(kind: &str, tag: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("psh-{kind}-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Scratch(d)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What perl prints for `code`.
pub fn perl(code: &str) -> String {
    let o = Command::new("perl")
        .arg("-e")
        .arg(code)
        .output()
        .expect("perl runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}
