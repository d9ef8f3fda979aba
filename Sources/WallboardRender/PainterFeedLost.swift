import WallboardCore

/// FEED LOST: the whole screen becomes a black-and-yellow hazard frame round a huge headline, so a
/// silent feed can never pass for a calm floor. The clock keeps ticking to show the board is alive,
/// and the last figures stay in view below, on greyed tiles that each say how old their data is.
extension Painter {
    func paintFeedLost(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        let lost = layout.feedLost
        canvas.fill(canvas.bounds, with: palette.hazardDark)
        for band in Canvas.frameBands(lost.frame, thickness: lost.band) {
            canvas.hatch(band, palette.hazard, palette.hazardDark, stripe: max(4, lost.band / 2), clip: canvas.bounds, origin: hatchOrigin)
        }
        drawText(scene.feedLost?.headline ?? "", in: lost.headline, font: fonts.bold, color: palette.hazard, canvas: canvas)
        drawFeedLostClock(scene, lost, canvas)
        drawFeedLostDetail(scene, lost, canvas)
        drawFeedLostHint(scene, lost, canvas)
        drawFeedLostFooter(scene, lost, canvas)
        for (tile, tileLayout) in zip(scene.tiles, lost.tiles) { drawTile(tile, tileLayout, pulse: 0, canvas) }
    }

    func updateFeedLost(from old: Scene, to new: Scene, _ layout: BoardLayout, _ canvas: Canvas) -> [Rect] {
        let lost = layout.feedLost
        var damage: [Rect] = []
        func redraw(_ rect: Rect, _ draw: () -> Void) {
            if let changed = tracked(rect, canvas, draw) { damage.append(changed) }
        }
        if old.header.clock != new.header.clock {
            let region = changedRegion(from: old.header.clock, to: new.header.clock, in: lost.clock, font: fonts.bold)
            redraw(region) { drawFeedLostClock(new, lost, canvas, region: region) }
        }
        let (oldDetail, newDetail) = (old.feedLost?.detail ?? "", new.feedLost?.detail ?? "")
        if oldDetail != newDetail {
            let region = changedRegion(from: oldDetail, to: newDetail, in: lost.detail, font: fonts.bold)
            redraw(region) { drawFeedLostDetail(new, lost, canvas, region: region) }
        }
        if old.feedLost?.hint != new.feedLost?.hint { redraw(lost.hint.rect) { drawFeedLostHint(new, lost, canvas) } }
        if old.footer != new.footer { redraw(lost.footer.rect) { drawFeedLostFooter(new, lost, canvas) } }
        updateTiles(from: old, to: new, lost.tiles, canvas, redraw)
        return damage
    }

    func drawFeedLostClock(_ scene: Scene, _ lost: FeedLostLayout, _ canvas: Canvas, region: Rect? = nil) {
        canvas.fill(region ?? lost.clock.rect, with: palette.hazardDark)
        drawText(scene.header.clock, in: lost.clock, font: fonts.bold, color: palette.label, canvas: canvas, region: region,
                 background: palette.hazardDark)
    }

    func drawFeedLostDetail(_ scene: Scene, _ lost: FeedLostLayout, _ canvas: Canvas, region: Rect? = nil) {
        canvas.fill(region ?? lost.detail.rect, with: palette.hazardDark)
        drawText(scene.feedLost?.detail ?? "", in: lost.detail, font: fonts.bold, color: palette.text, canvas: canvas, region: region,
                 background: palette.hazardDark)
    }

    func drawFeedLostHint(_ scene: Scene, _ lost: FeedLostLayout, _ canvas: Canvas) {
        canvas.fill(lost.hint.rect, with: palette.hazardDark)
        drawText(scene.feedLost?.hint ?? "", in: lost.hint, font: fonts.regular, color: palette.text, canvas: canvas)
    }

    func drawFeedLostFooter(_ scene: Scene, _ lost: FeedLostLayout, _ canvas: Canvas) {
        canvas.fill(lost.footer.rect, with: palette.hazardDark)
        drawText(scene.footer.feed, in: lost.footer, font: fonts.regular, color: palette.staleText, canvas: canvas)
    }
}
