//! Entry point of the wasm binary: mounting is all it does.

fn main() {
    deskaid::mount();
}
