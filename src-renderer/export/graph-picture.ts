import { layoutGraph } from '../../core/graph/layout'
import { graphSvg } from '../../core/graph/svg'
import type { ResolvedTheme } from '../../core/picture/palette'
import type { PlotSession } from '../../core/png/session'
import { ok, type Result } from '../../core/protocol/result'
import { calculusClient } from '../api/calculus'
import type { GraphPicture } from './compose'

/**
 * The computation graph of the exported plot, at its point, drawn as the CLI's `graph --out` draws it
 * (the panel's layout, core/graph/svg.ts). Asked of the core for the plotted session itself, not taken
 * from the graph panel, which may be closed or showing the slice. Null when f uses no variable: autograd
 * records no graph (the panel says so), and there is nothing to draw.
 */
export async function graphPicture(
  session: PlotSession,
  theme: ResolvedTheme,
): Promise<Result<GraphPicture | null>> {
  const answer = await calculusClient().graph({
    expression: session.expression,
    point: { ...session.point },
  })
  if (!answer.ok) return answer
  if (answer.value.nodes.length === 0) return ok(null)
  const layout = layoutGraph(answer.value)
  return ok({
    svg: graphSvg(answer.value, layout, { theme }),
    size: { width: layout.width, height: layout.height },
  })
}
