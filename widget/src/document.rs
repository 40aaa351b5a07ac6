//! A document on the result page: its blanks, printing it alone on A4 and
//! saving it as a file. What the user types in the blanks lives in the page only (the inputs,
//! and the widget's memory so that Back and a language switch keep it); it is read when the
//! user prints or saves, and gone when the page closes or the wizard starts over.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlIFrameElement, HtmlInputElement, ShadowRoot, Url,
};

use crate::render::esc;

/// Puts a value into a blank in every document and language version that has it.
pub fn fill(root: &ShadowRoot, field: &str, value: &str) {
    let Ok(list) = root.query_selector_all(&format!("input[data-field=\"{field}\"]")) else { return };
    for i in 0..list.length() {
        if let Some(input) = list.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
            if input.value() != value {
                input.set_value(value);
            }
        }
    }
}

/// The shown version as a page of its own: the text with the blanks filled in (or left as
/// lines to fill by hand), set for printing on A4.
pub fn standalone(doc: &Element) -> Option<(String, String)> {
    let version = doc.query_selector(".zw-doc-version").ok().flatten()?;
    let lang = version.get_attribute("data-lang").unwrap_or_default();
    let paper = version.query_selector(".zw-paper").ok().flatten()?;
    let mut text = String::new();
    let nodes = paper.child_nodes();
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        match node.dyn_ref::<HtmlInputElement>() {
            Some(input) if !input.value().trim().is_empty() => text.push_str(&esc(input.value().trim())),
            Some(_) => text.push_str("____________________"),
            None => text.push_str(&esc(&node.text_content().unwrap_or_default())),
        }
    }
    let id = doc.get_attribute("data-document").unwrap_or_else(|| "document".into());
    let html = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{id}</title><style>\
         @page {{ size: A4; margin: 20mm; }} body {{ font: 12pt/1.5 \"Times New Roman\", Times, serif; margin: 0; }} \
         .doc {{ white-space: pre-wrap; max-width: 170mm; }}</style></head><body><div class=\"doc\">{text}</div></body></html>"
    );
    Some((format!("{id}-{lang}.html"), html))
}

/// Prints the document alone, from a hidden frame in the shadow root whose page is the
/// document itself (`srcdoc`: nothing is fetched, no window opens).
pub fn print(root: &ShadowRoot, html: &str) -> Result<(), JsValue> {
    if let Some(old) = root.query_selector("iframe.zw-print")? {
        old.remove();
    }
    let frame: HtmlIFrameElement = root.owner_document().ok_or("no document")?.create_element("iframe")?.dyn_into()?;
    frame.set_attribute("class", "zw-print")?;
    frame.set_attribute("aria-hidden", "true")?;
    frame.set_attribute("tabindex", "-1")?;
    frame.set_srcdoc(html);
    let loaded = frame.clone();
    let on_load = Closure::once_into_js(move || {
        if let Some(window) = loaded.content_window() {
            let _ = window.print();
        }
    });
    frame.add_event_listener_with_callback("load", on_load.unchecked_ref())?;
    root.append_child(&frame)?;
    Ok(())
}

/// Saves the document as an HTML file, made in the page (a blob), not fetched.
pub fn download(root: &ShadowRoot, name: &str, html: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(html)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = root.owner_document().ok_or("no document")?.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    let _ = link.set_attribute("hidden", "");
    root.append_child(&link)?;
    link.click();
    link.remove();
    Url::revoke_object_url(&url)
}
