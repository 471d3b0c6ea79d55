//! One chunk of the one-column view (see [`super::window`]): one element
//! holding its rows and folds, its own component so that it is left alone
//! while the window moves.

use yew::prelude::*;

use super::split::fold_toggle;
use super::split_chunk::ChunkProps;
use super::unified::row;
use crate::view::{Block, FoldKind};

/// One chunk of the one-column view.
#[function_component]
pub fn UnifiedChunk(props: &ChunkProps) -> Html {
    let m = &props.model;
    let Some(chunk) = m.chunks.get(props.index) else {
        return Html::default();
    };
    let blocks = m.blocks[chunk.blocks.clone()].iter().map(|block| match block {
        Block::Row(r) => row(r, props.current, &props.on_reveal),
        Block::Fold(f) => {
            let open = props.open_folds.contains(&f.id);
            html! {
                <>
                    <div class={classes!("fold-line", (f.kind == FoldKind::Chrome).then_some("chrome"))}>
                        { fold_toggle(f, open, &props.on_fold) }
                    </div>
                    <div id={f.id.clone()} class="folded" hidden={!open}>
                        { for f.rows.iter().map(|r| row(r, props.current, &props.on_reveal)) }
                    </div>
                </>
            }
        }
    });
    html! {
        <div class="uchunk" data-chunk={props.index.to_string()}>{ for blocks }</div>
    }
}
