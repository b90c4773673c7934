// Package tracing carries OpenTelemetry trace context across Kafka: the publisher writes the
// W3C traceparent into the message's metadata (which the Pub/Sub sends as Kafka headers), and a
// router middleware continues the trace in the consumer's handler.
package tracing

import (
	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

const tracerName = "github.com/tradefin/tradefin/events/messaging/tracing"

// metadataCarrier adapts Watermill metadata to OpenTelemetry's propagation API.
type metadataCarrier message.Metadata

func (c metadataCarrier) Get(k string) string { return message.Metadata(c).Get(k) }
func (c metadataCarrier) Set(k, v string)     { message.Metadata(c).Set(k, v) }
func (c metadataCarrier) Keys() []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	return keys
}

// propagator is W3C trace context plus baggage, whatever the global one is set to.
var propagator = propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})

// Inject writes the message context's trace context into its metadata (traceparent, tracestate).
func Inject(msg *message.Message) {
	propagator.Inject(msg.Context(), metadataCarrier(msg.Metadata))
}

// Middleware starts a consumer span that continues the publisher's trace, and puts it in the
// message's context for the handler.
func Middleware(h message.HandlerFunc) message.HandlerFunc {
	return func(msg *message.Message) ([]*message.Message, error) {
		ctx := propagator.Extract(msg.Context(), metadataCarrier(msg.Metadata))
		ctx, span := otel.Tracer(tracerName).Start(ctx, "consume "+message.SubscribeTopicFromCtx(msg.Context()),
			trace.WithSpanKind(trace.SpanKindConsumer),
			trace.WithAttributes(
				attribute.String("messaging.system", "kafka"),
				attribute.String("messaging.message.id", msg.UUID),
				attribute.String("messaging.destination.name", message.SubscribeTopicFromCtx(msg.Context())),
				attribute.String("messaging.consumer.group.name", message.HandlerNameFromCtx(msg.Context())),
			))
		defer span.End()
		msg.SetContext(ctx)
		out, err := h(msg)
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		return out, err
	}
}
