package tradeview

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/workflows/trade"
)

//go:embed openapi.yaml
var openAPI []byte

// OpenAPI is the view's OpenAPI description, which the worker serves at /openapi.yaml.
func OpenAPI() []byte { return openAPI }

// maxBody bounds a request body: the view takes none.
const maxBody = 1 << 16

// Register mounts GET /v1/trades/{id}: need-to-know, only for the trade's parties and the
// auditor; a request its description does not allow is refused before the handler runs.
func Register(mux *http.ServeMux, c client.Client) {
	mux.Handle("/v1/", identity.Required(apispec.Must(openAPI, maxBody).Wrap(routes(c))))
}

// Routes are the patterns the view serves, which its OpenAPI description must document.
func Routes() []string { return routes(nil).Patterns() }

func routes(c client.Client) *apispec.Mux {
	mux := apispec.NewMux()
	mux.Handle("GET /v1/trades/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, _ := identity.FromContext(r.Context())
		t, err := Get(r.Context(), c, r.PathValue("id"))
		if err == nil && !Visible(a, t) {
			// As if it did not exist: a trade ID cannot be probed by someone party to nothing (nor
			// held open by them, which would tell them when the trade closes).
			err = problem.New(problem.NotFound, "Trade not found", "no trade "+r.PathValue("id"))
		}
		if secs, bad := strconv.Atoi(r.URL.Query().Get("wait")); err == nil && bad == nil && t.Workflow.CloseTime == nil {
			// 1–60 s, as the description bounds it; the trade's parties only grow meanwhile.
			awaitClosed(r.Context(), c, t.Workflow.ID, t.Workflow.RunID, time.Duration(secs)*time.Second)
			t, err = Get(r.Context(), c, r.PathValue("id"))
		}
		if err != nil {
			problem.Write(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(t)
	}))
	return mux
}

// Visible: the auditor sees every trade, an organisation the trades it is party to.
func Visible(a identity.Actor, t Timeline) bool {
	return a.IsAuditor() || (a.Org != "" && slices.Contains(t.Parties, a.Org))
}

// awaitClosed returns once the run of the workflow that Get read, or a run it continued as
// new into, has closed, or within has passed. The run is the one Get described, so the wait
// does not describe the workflow again. The wait is Temporal's long poll for the close event of
// the history, which costs the server no work until the event comes, where a client checking
// every second costs a query, answered by the trade's worker, each time.
func awaitClosed(ctx context.Context, c client.Client, workflowID, runID string, within time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	_ = c.GetWorkflow(ctx, workflowID, runID).Get(ctx, nil) // whatever the outcome, Get reads it
}

// Get reads a trade's timeline: the result of a finished workflow, else the running one's query.
func Get(ctx context.Context, c client.Client, tradeID string) (Timeline, error) {
	id := trade.WorkflowID(tradeID)
	d, err := c.DescribeWorkflowExecution(ctx, id, "")
	var notFound *serviceerror.NotFound
	if errors.As(err, &notFound) {
		return Timeline{}, problem.New(problem.NotFound, "Trade not found", "no workflow for trade "+tradeID+" (its first event may not have reached the bridge yet)")
	}
	if err != nil {
		return Timeline{}, err
	}
	info := d.WorkflowExecutionInfo
	wf := Workflow{ID: id, RunID: info.Execution.GetRunId(), Status: info.GetStatus().String(), StartTime: info.GetStartTime().AsTime()}
	if info.CloseTime != nil {
		ct := info.GetCloseTime().AsTime()
		wf.CloseTime = &ct
	}
	var st trade.State
	if info.GetStatus() == enums.WORKFLOW_EXECUTION_STATUS_COMPLETED {
		err = c.GetWorkflow(ctx, id, wf.RunID).Get(ctx, &st)
	} else {
		var v interface{ Get(any) error }
		if v, err = c.QueryWorkflow(ctx, id, wf.RunID, trade.StateQuery); err == nil {
			err = v.Get(&st)
		}
	}
	if err != nil {
		return Timeline{}, err
	}
	return timeline(st, wf), nil
}
