//! Laying aligned groups out as rows in reading order, with inline diffs,
//! differing numbers, statistics and the similarity figure.

use std::collections::BTreeSet;

use super::align::{self, Alignment, Group};
use super::boilerplate::Boilerplate;
use super::inline::{self, InlineOp, Tag};
use super::sort;
use super::{
    segment, token, Comparison, Confidence, Coverage, Document, Link, NumberChange, Options,
    Relation, Row, RowKind, Span, Stats,
};

fn seg_span(doc: &Document, r: &std::ops::Range<usize>) -> Span {
    Span(
        doc.segments[r.start].range.0,
        doc.segments[r.end - 1].range.1,
    )
}

fn text_span(doc: &Document, r: &std::ops::Range<usize>) -> Span {
    Span(doc.segments[r.start].text.0, doc.segments[r.end - 1].text.1)
}

/// The numbers among a passage's units.
fn numbers<'d>(doc: &'d Document, units: &[token::Unit]) -> BTreeSet<&'d str> {
    units
        .iter()
        .filter(|u| u.class == token::UnitClass::Number)
        .map(|u| &doc.text[u.span.0..u.span.1])
        .collect()
}

fn number_changes(
    da: &Document,
    ua: &[token::Unit],
    db: &Document,
    ub: &[token::Unit],
) -> Vec<NumberChange> {
    let (na, nb) = (numbers(da, ua), numbers(db, ub));
    let mut out: Vec<NumberChange> = na
        .difference(&nb)
        .map(|n| NumberChange {
            a: Some(n.to_string()),
            b: None,
        })
        .collect();
    out.extend(nb.difference(&na).map(|n| NumberChange {
        a: None,
        b: Some(n.to_string()),
    }));
    out
}

fn opens_paragraph(doc: &Document, i: usize) -> bool {
    segment::opens_paragraph(&doc.segments, i)
}

fn side_flags(doc: &Document, r: &std::ops::Range<usize>) -> (Option<Boilerplate>, bool) {
    let bp = doc.boilerplate[r.clone()].iter().flatten().next().copied();
    let all_bp = doc.boilerplate[r.clone()].iter().all(Option::is_some);
    let tr = r.clone().all(|i| doc.is_translation(i));
    (if all_bp { bp } else { None }, tr)
}

/// Sides of a comparison, indexable: `A` = 0, `B` = 1.
const A: usize = 0;
const B: usize = 1;

fn side_of(g: &Group, side: usize) -> &std::ops::Range<usize> {
    if side == A {
        &g.a
    } else {
        &g.b
    }
}

/// Lays aligned groups out as rows in reading order.
struct Layout<'d> {
    docs: [&'d Document; 2],
    groups: &'d [Group],
    /// Per side, per segment: the group holding it.
    group_of: [Vec<Option<usize>>; 2],
    /// Per group: inline diff, row kind and differing numbers, computed once
    /// (a moved group shows in two rows).
    diffs: Vec<(Vec<InlineOp>, RowKind, Vec<NumberChange>)>,
    rows: Vec<Row>,
    /// Per side, per group: the row showing a moved group's passage.
    moved_row: [Vec<Option<usize>>; 2],
}

impl Layout<'_> {
    /// A row for segment `i` of one side, which has no counterpart.
    fn one_sided(&self, side: usize, i: usize) -> Row {
        let doc = self.docs[side];
        let (bp, tr) = side_flags(doc, &(i..i + 1));
        let on = |s: usize, v: Span| (side == s).then_some(v);
        Row {
            a: on(A, doc.segments[i].range),
            b: on(B, doc.segments[i].range),
            kind: if side == A {
                RowKind::OnlyA
            } else {
                RowKind::OnlyB
            },
            moved: false,
            partner: None,
            boilerplate: bp.is_some(),
            boilerplate_kind: bp,
            translation: tr,
            restatement: doc.restatement[i],
            score: 0.0,
            segments_a: on(A, Span(i, i + 1)),
            segments_b: on(B, Span(i, i + 1)),
            inline: None,
            numbers: Vec::new(),
            paragraph_start: opens_paragraph(doc, i),
            confidence: None,
            also: Vec::new(),
        }
    }

    /// A row for group `gi`, showing the sides in `show`.
    fn pair(&self, gi: usize, show: [bool; 2]) -> Row {
        let g = &self.groups[gi];
        let [da, db] = self.docs;
        let flags = [side_flags(da, &g.a), side_flags(db, &g.b)];
        // Boilerplate when every shown side is.
        let bp = match show {
            [true, true] => flags[A].0.and(flags[B].0),
            [true, false] => flags[A].0,
            _ => flags[B].0,
        };
        Row {
            a: show[A].then(|| seg_span(da, &g.a)),
            b: show[B].then(|| seg_span(db, &g.b)),
            kind: self.diffs[gi].1,
            moved: !g.anchored,
            partner: None,
            boilerplate: bp.is_some(),
            boilerplate_kind: bp,
            translation: (show[A] && flags[A].1) || (show[B] && flags[B].1),
            restatement: (show[A] && g.a.clone().all(|i| da.restatement[i]))
                || (show[B] && g.b.clone().all(|j| db.restatement[j])),
            score: g.score,
            segments_a: Some(Span(g.a.start, g.a.end)),
            segments_b: Some(Span(g.b.start, g.b.end)),
            inline: Some(self.diffs[gi].0.clone()),
            numbers: self.diffs[gi].2.clone(),
            paragraph_start: (show[A] && opens_paragraph(da, g.a.start))
                || (show[B] && opens_paragraph(db, g.b.start)),
            confidence: Some(confidence(g.strong)),
            also: Vec::new(),
        }
    }

    /// Emits one side's segments from `*pos` up to `until`: moved passages as
    /// half rows (their partner row comes on the other side), the rest as
    /// one-sided rows.
    fn emit_until(&mut self, side: usize, until: usize, pos: &mut usize) {
        while *pos < until {
            match self.group_of[side][*pos] {
                Some(gi) if !self.groups[gi].anchored => {
                    self.moved_row[side][gi] = Some(self.rows.len());
                    let row = self.pair(gi, [side == A, side == B]);
                    self.rows.push(row);
                    *pos = side_of(&self.groups[gi], side).end;
                }
                _ => {
                    let row = self.one_sided(side, *pos);
                    self.rows.push(row);
                    *pos += 1;
                }
            }
        }
    }

    /// All rows: between consecutive anchored pairs, A's then B's passages.
    fn rows(mut self) -> Vec<Row> {
        let lens = [self.docs[A].segments.len(), self.docs[B].segments.len()];
        let mut anchors: Vec<usize> = (0..self.groups.len())
            .filter(|&g| self.groups[g].anchored)
            .collect();
        sort::sort_by_key(&mut anchors, |&g| self.groups[g].a.start);
        let mut pos = [0, 0];
        for gi in anchors.into_iter().map(Some).chain([None]) {
            for side in [A, B] {
                let until = gi.map_or(lens[side], |g| side_of(&self.groups[g], side).start);
                let mut p = pos[side];
                self.emit_until(side, until, &mut p);
                pos[side] = p;
            }
            if let Some(g) = gi {
                let row = self.pair(g, [true, true]);
                self.rows.push(row);
                pos = [self.groups[g].a.end, self.groups[g].b.end];
            }
        }
        for g in 0..self.groups.len() {
            if let (Some(ra), Some(rb)) = (self.moved_row[A][g], self.moved_row[B][g]) {
                self.rows[ra].partner = Some(rb);
                self.rows[rb].partner = Some(ra);
            }
        }
        self.rows
    }
}

fn confidence(strong: bool) -> Confidence {
    if strong {
        Confidence::Strong
    } else {
        Confidence::Loose
    }
}

/// The links in the result's form: byte ranges and a relation.
fn links(da: &Document, db: &Document, found: &[align::Link]) -> Vec<Link> {
    found
        .iter()
        .map(|l| {
            let (sa, sb) = (&da.segments[l.a], &db.segments[l.b]);
            let relation = if sa.lang != sb.lang {
                Relation::Translation
            } else if da.restatement[l.a] || db.restatement[l.b] {
                Relation::Restates
            } else {
                Relation::Same
            };
            Link {
                a: sa.range,
                b: sb.range,
                segment_a: l.a,
                segment_b: l.b,
                score: l.score,
                relation,
                confidence: confidence(l.strong),
            }
        })
        .collect()
}

/// Fills each row's `also`: the links of its sentences that the row itself
/// (or, for a moved passage, its partner) does not show.
fn attach_links(rows: &mut [Row], links: &[Link], na: usize, nb: usize) {
    // Per segment, the links that touch it (each list in link order).
    let mut of_a: Vec<Vec<usize>> = vec![Vec::new(); na];
    let mut of_b: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for (k, l) in links.iter().enumerate() {
        of_a[l.segment_a].push(k);
        of_b[l.segment_b].push(k);
    }
    let range = |s: Option<Span>| s.map_or(0..0, |s| s.0..s.1);
    for r in rows.iter_mut() {
        // The segments this row shows on each side, and those of its group.
        let (group_a, group_b) = (range(r.segments_a), range(r.segments_b));
        let shown_a = if r.a.is_some() { group_a.clone() } else { 0..0 };
        let shown_b = if r.b.is_some() { group_b.clone() } else { 0..0 };
        let mut also: Vec<usize> = shown_a
            .flat_map(|i| &of_a[i])
            .copied()
            .filter(|&k| !group_b.contains(&links[k].segment_b))
            .chain(
                shown_b
                    .flat_map(|j| &of_b[j])
                    .copied()
                    .filter(|&k| !group_a.contains(&links[k].segment_a)),
            )
            .collect();
        sort::sort(&mut also);
        also.dedup();
        r.also = also;
    }
}

/// Share of each side's story sentences ([`Document::states_fact`]) that
/// have a counterpart: a link or a place in a paired row.
fn coverage(da: &Document, db: &Document, alignment: &Alignment) -> Coverage {
    let tally = |doc: &Document, linked: &[bool]| {
        let story = (0..doc.segments.len()).filter(|&i| doc.states_fact(i));
        let total = story.clone().count();
        let shared = story.filter(|&i| linked[i]).count();
        let share = if total == 0 {
            0.0
        } else {
            shared as f64 / total as f64
        };
        (share, shared, total)
    };
    let mut la = vec![false; da.segments.len()];
    let mut lb = vec![false; db.segments.len()];
    for l in &alignment.links {
        la[l.a] = true;
        lb[l.b] = true;
    }
    for g in &alignment.groups {
        g.a.clone().for_each(|i| la[i] = true);
        g.b.clone().for_each(|j| lb[j] = true);
    }
    let (a, a_shared, a_total) = tally(da, &la);
    let (b, b_shared, b_total) = tally(db, &lb);
    Coverage {
        a,
        b,
        a_shared,
        a_total,
        b_shared,
        b_total,
    }
}

/// Turns an alignment into rows in reading order, with inline diffs.
pub(super) fn build(
    da: &Document,
    db: &Document,
    alignment: &Alignment,
    opts: &Options,
) -> Comparison {
    let groups = &alignment.groups;
    let (na, nb) = (da.segments.len(), db.segments.len());
    let mut group_of = [vec![None; na], vec![None; nb]];
    for (gi, g) in groups.iter().enumerate() {
        g.a.clone().for_each(|i| group_of[A][i] = Some(gi));
        g.b.clone().for_each(|j| group_of[B][j] = Some(gi));
    }
    let diffs = groups
        .iter()
        .map(|g| {
            // Each side split into units once, for the word diff and the numbers.
            let (sa, sb) = (text_span(da, &g.a), text_span(db, &g.b));
            let ua = token::units(&da.text[sa.0..sa.1], sa.0);
            let ub = token::units(&db.text[sb.0..sb.1], sb.0);
            let numbers = number_changes(da, &ua, db, &ub);
            let ops = inline::diff_units(&da.text, sa, ua, &db.text, sb, ub, opts);
            let kind = if ops.iter().all(|o| o.tag == Tag::Equal) {
                RowKind::Equal
            } else {
                RowKind::Changed
            };
            (ops, kind, numbers)
        })
        .collect();
    let rows = Layout {
        docs: [da, db],
        groups,
        group_of,
        diffs,
        rows: Vec::new(),
        moved_row: [vec![None; groups.len()], vec![None; groups.len()]],
    }
    .rows();
    let mut rows = rows;
    let links = links(da, db, &alignment.links);
    attach_links(&mut rows, &links, na, nb);

    // Similarity: words inside equal ops over all story words.
    let story = |doc: &Document, i: usize| doc.boilerplate[i].is_none() && !doc.is_translation(i);
    let total: usize = (0..na)
        .filter(|&i| story(da, i))
        .map(|i| da.words[i])
        .sum::<usize>()
        + (0..nb)
            .filter(|&j| story(db, j))
            .map(|j| db.words[j])
            .sum::<usize>();
    // Each story pair contributes its words, weighted by how closely it
    // matches: symmetric by construction (scores are), unlike counts taken from
    // one of several equally short word diffs.
    let common: f64 = groups
        .iter()
        .filter(|g| g.a.clone().all(|i| story(da, i)) && g.b.clone().all(|j| story(db, j)))
        .map(|g| {
            let n: usize = da.words[g.a.clone()]
                .iter()
                .chain(&db.words[g.b.clone()])
                .sum();
            g.score * n as f64
        })
        .sum();
    let similarity = if total == 0 {
        if na == 0 && nb == 0 || da.text == db.text {
            1.0
        } else {
            0.0
        }
    } else {
        (common / total as f64).min(1.0)
    };

    let mut stats = Stats::default();
    for r in &rows {
        if r.boilerplate {
            stats.boilerplate += 1;
            continue;
        }
        match r.kind {
            RowKind::Equal if !r.moved => stats.equal += 1,
            RowKind::Changed if !r.moved => stats.changed += 1,
            RowKind::OnlyA | RowKind::OnlyB if r.translation => stats.translation += 1,
            RowKind::OnlyA | RowKind::OnlyB if !r.also.is_empty() => stats.elsewhere += 1,
            RowKind::OnlyA => stats.only_a += 1,
            RowKind::OnlyB => stats.only_b += 1,
            _ => {}
        }
    }
    stats.moved = groups.iter().filter(|g| !g.anchored).count();
    Comparison {
        similarity,
        rows,
        stats,
        quotes: Vec::new(),
        coverage: coverage(da, db, alignment),
        links,
        semantic: None,
    }
}
