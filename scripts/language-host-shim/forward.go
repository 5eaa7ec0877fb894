package main

import (
	"errors"
	"io"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// frame is one gRPC message as its encoded bytes: forwarded calls are never decoded.
type frame struct{ bytes []byte }

type frameCodec struct{}

func (frameCodec) Name() string { return "proto" }

func (frameCodec) Marshal(v any) ([]byte, error) { return v.(*frame).bytes, nil }

func (frameCodec) Unmarshal(data []byte, v any) error {
	v.(*frame).bytes = append([]byte(nil), data...)
	return nil
}

// Unary and streaming calls look alike on the wire, so one bidirectional stream carries any of them.
var anyCall = &grpc.StreamDesc{ClientStreams: true, ServerStreams: true}

// forward relays one call of the engine to the real host: messages both ways, then its headers, trailers and status.
func forward(conn *grpc.ClientConn, method string, in grpc.ServerStream) error {
	ctx := in.Context()
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		ctx = metadata.NewOutgoingContext(ctx, md.Copy())
	}
	out, err := conn.NewStream(ctx, anyCall, method, grpc.ForceCodec(frameCodec{}))
	if err != nil {
		return err
	}
	go func() {
		for {
			message := &frame{}
			if in.RecvMsg(message) != nil {
				_ = out.CloseSend()
				return
			}
			if out.SendMsg(message) != nil {
				return
			}
		}
	}()
	headerSent := false
	for {
		message := &frame{}
		err := out.RecvMsg(message)
		if !headerSent {
			if header, headerErr := out.Header(); headerErr == nil {
				_ = in.SendHeader(header)
			}
			headerSent = true
		}
		if err != nil {
			in.SetTrailer(out.Trailer())
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := in.SendMsg(message); err != nil {
			return err
		}
	}
}
