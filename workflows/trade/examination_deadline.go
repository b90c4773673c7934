package trade

import (
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/events/contracts"
)

// examinationDeadlineChange versions the examination deadline: each presentation's deadline (UCP
// 600 Art. 14(b), published by the LC service on lc.documents_presented.v1) is a timer; when it
// fires before the bank decided, the workflow asks the LC service to enforce it (contracts.
// PassExaminationDeadlineActivity): the bank is precluded from refusing (Art. 16(f)) and the
// presentation is honoured, whose lc.honoured.v1 brings HONOURED and the payment as any honour.
const examinationDeadlineChange = "examination-deadline"

// examinationRecheck is how long the workflow waits to ask again when the LC service's clock
// says a deadline has not passed yet.
const examinationRecheck = 10 * time.Second

// Examination is one presentation's examination as the workflow holds its clock.
type Examination struct {
	PresentationID string
	DeadlineAt     time.Time // the close of the bank's fifth banking day (the timer)
	Decided        bool      // the bank honoured or refused it, or the deadline was enforced
	Outcome        string    // the LC service's answer at the deadline ("" before it)
}

// noteExamination takes in what an event says of the examinations: a presentation and its
// deadline, or the bank's decision on one.
func (t *tradeRun) noteExamination(ev Event) {
	if ev.PresentationID == "" {
		return
	}
	i := slices.IndexFunc(t.st.Examinations, func(x Examination) bool { return x.PresentationID == ev.PresentationID })
	switch ev.Type {
	case "lc.documents_presented.v1":
		if i < 0 && !ev.ExaminationDeadline.IsZero() {
			t.st.Examinations = append(t.st.Examinations, Examination{PresentationID: ev.PresentationID, DeadlineAt: ev.ExaminationDeadline})
		}
	case "lc.documents_refused.v1", "lc.honoured.v1":
		if i >= 0 {
			t.st.Examinations[i].Decided = true
		}
	}
}

// nextExamination is the index of the undecided examination with the earliest deadline, -1 when none.
func (t *tradeRun) nextExamination() int {
	next := -1
	for i, x := range t.st.Examinations {
		if !x.Decided && (next < 0 || x.DeadlineAt.Before(t.st.Examinations[next].DeadlineAt)) {
			next = i
		}
	}
	return next
}

// examinationDeadlines holds the timer of the earliest undecided examination, for as long as the
// trade runs; a decision, or an earlier deadline arriving, resets it.
func (t *tradeRun) examinationDeadlines(ctx workflow.Context) {
	for {
		i := -1
		if err := workflow.Await(ctx, func() bool {
			i = t.nextExamination()
			return i >= 0 || t.st.Status != StatusRunning
		}); err != nil || t.st.Status != StatusRunning {
			return
		}
		x, n := t.st.Examinations[i], len(t.st.Examinations)
		if left := x.DeadlineAt.Sub(workflow.Now(ctx)); left > 0 {
			if _, err := workflow.AwaitWithTimeout(ctx, left, func() bool {
				return t.st.Examinations[i].Decided || len(t.st.Examinations) != n || t.st.Status != StatusRunning
			}); err != nil {
				return
			}
			continue
		}
		t.passExaminationDeadline(ctx, i)
	}
}

// passExaminationDeadline asks the LC service to enforce examination i's deadline.
func (t *tradeRun) passExaminationDeadline(ctx workflow.Context, i int) {
	x := t.st.Examinations[i]
	what := "examination deadline " + x.PresentationID
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue:           contracts.LCTaskQueue,
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: min(time.Second, t.maxBackoff), BackoffCoefficient: 2, MaximumInterval: t.maxBackoff},
	})
	var out contracts.ExaminationDeadlineOutcome
	t.startWait(ctx, what)
	err := workflow.ExecuteActivity(ctx, contracts.PassExaminationDeadlineActivity,
		contracts.PassExaminationDeadline{TradeID: t.st.TradeID, LCID: t.st.LCID, PresentationID: x.PresentationID}).Get(ctx, &out)
	t.endWait(ctx, what)
	x = t.st.Examinations[i] // a decision may have come meanwhile
	switch {
	case err != nil: // only a refusal the LC service says can never pass: visible, no new timer
		x.Outcome, x.Decided = "ERROR: "+err.Error(), true
		workflow.GetLogger(ctx).Error("examination deadline not enforced", "presentation", x.PresentationID, "error", err)
	case out.Status == contracts.ExaminationPending:
		x.Outcome = out.Status
		x.DeadlineAt = workflow.Now(ctx).Add(examinationRecheck)
		if at, perr := time.Parse(time.RFC3339, out.DeadlineAt); perr == nil && at.After(x.DeadlineAt) {
			x.DeadlineAt = at
		}
	default: // PRECLUDED (lc.honoured.v1 follows) or DECIDED
		x.Outcome, x.Decided = out.Status, true
	}
	t.st.Examinations[i] = x
}
