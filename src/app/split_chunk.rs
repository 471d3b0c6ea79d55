//! One chunk of the side-by-side table (see [`super::window`]): its own
//! component, so that a chunk already in the page is left alone when the
//! window moves or another chunk's change becomes current.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::split::{fold_toggle, tr};
use super::Shared;
use crate::view::{Block, FoldKind, SplitModel, SplitRow};

/// Properties of [`SplitChunk`].
#[derive(Properties, PartialEq)]
pub struct ChunkProps {
    /// The comparison.
    pub model: Shared<SplitModel>,
    /// Which of its chunks.
    pub index: usize,
    /// The change the reader stepped to, when it starts in this chunk.
    pub current: Option<usize>,
    /// Ids of the open folds.
    pub open_folds: Rc<BTreeSet<String>>,
    /// Opens or closes the fold with this id.
    pub on_fold: Callback<String>,
    /// Brings the element with this id into view (opening its fold).
    pub on_reveal: Callback<String>,
}

/// One chunk of the side-by-side table: its rows and folds as table bodies
/// (each marked with the chunk's index for the window).
#[function_component]
pub fn SplitChunk(props: &ChunkProps) -> Html {
    let m = &props.model;
    let Some(chunk) = m.chunks.get(props.index) else {
        return Html::default();
    };
    let key = AttrValue::from(props.index.to_string());
    let mut bodies: Vec<Html> = Vec::new();
    let mut rows: Vec<&SplitRow> = Vec::new();
    let flush = |rows: &mut Vec<&SplitRow>, bodies: &mut Vec<Html>| {
        if let Some(first) = rows.first() {
            bodies.push(html! {
                <tbody key={format!("t{}", first.id)} data-chunk={key.clone()}>
                    { for rows.drain(..).map(|r| tr(r, props.current, &props.on_reveal)) }
                </tbody>
            });
        }
    };
    for block in &m.blocks[chunk.blocks.clone()] {
        match block {
            Block::Row(r) => rows.push(r),
            Block::Fold(f) => {
                flush(&mut rows, &mut bodies);
                let open = props.open_folds.contains(&f.id);
                bodies.push(html! {
                    <tbody key={format!("l{}", f.id)}
                        class={classes!("fold-line", (f.kind == FoldKind::Chrome).then_some("chrome"))}
                        data-chunk={key.clone()}>
                        <tr><td colspan="2">{ fold_toggle(f, open, &props.on_fold) }</td></tr>
                    </tbody>
                });
                bodies.push(html! {
                    <tbody key={f.id.clone()} id={f.id.clone()} class="folded" hidden={!open}
                        data-chunk={key.clone()}>
                        { for f.rows.iter().map(|r| tr(r, props.current, &props.on_reveal)) }
                    </tbody>
                });
            }
        }
    }
    flush(&mut rows, &mut bodies);
    html! { <>{ for bodies }</> }
}
