package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

const runPluginMethod = "/pulumirpc.LanguageRuntime/RunPlugin"

// The module a Node policy pack runs under; it loads the pack's main and serves the analyzer protocol.
const runPolicyPackModule = "@pulumi/pulumi/cmd/run-policy-pack"

// runPolicyPack starts a Node policy pack the way upstream language hosts do: node <run-policy-pack> <args...>
// <pack dir>, in the pack's folder, streaming its stdout and stderr back and then its exit code.
func runPolicyPack(stream grpc.ServerStream) error {
	request, err := receiveRunPluginRequest(stream)
	if err != nil {
		return err
	}
	if request.GetKind() != "analyzer" {
		return status.Errorf(codes.Unimplemented, "this language host runs only policy packs through RunPlugin, not a %q plugin", request.GetKind())
	}
	packDir := request.GetInfo().GetProgramDirectory()
	output := &pluginOutput{stream: stream}
	runner, found := findModule(packDir, runPolicyPackModule)
	if !found {
		// The engine recognises this sentence and tells the user to install the pack's dependencies.
		output.send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{
			Stderr: []byte(fmt.Sprintf("Cannot find module '%s' from %s\n", runPolicyPackModule, packDir)),
		}})
		return output.send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: 1}})
	}
	args := append([]string{runner}, request.GetArgs()...)
	cmd := exec.CommandContext(stream.Context(), "node", append(args, packDir)...)
	cmd.Dir = packDir
	cmd.Env = request.GetEnv()
	cmd.Stdout = output.writer(func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}}
	})
	cmd.Stderr = output.writer(func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}}
	})
	if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
		return status.Errorf(codes.Internal, "could not start node for the policy pack in %s: %v", packDir, err)
	}
	return output.send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(cmd.ProcessState.ExitCode())}})
}

func receiveRunPluginRequest(stream grpc.ServerStream) (*pulumirpc.RunPluginRequest, error) {
	message := &frame{}
	if err := stream.RecvMsg(message); err != nil {
		return nil, err
	}
	request := &pulumirpc.RunPluginRequest{}
	if err := proto.Unmarshal(message.bytes, request); err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "RunPlugin request: %v", err)
	}
	return request, nil
}

// findModule resolves a package path the way Node does from dir: node_modules folders from dir up to the root.
func findModule(dir, module string) (string, bool) {
	for {
		candidate := filepath.Join(dir, "node_modules", filepath.FromSlash(module))
		if _, err := os.Stat(filepath.Join(candidate, "index.js")); err == nil {
			return candidate, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// pluginOutput sends RunPlugin responses one at a time: stdout and stderr are copied from two goroutines.
type pluginOutput struct {
	stream grpc.ServerStream
	lock   sync.Mutex
}

func (o *pluginOutput) send(response *pulumirpc.RunPluginResponse) error {
	bytes, err := proto.Marshal(response)
	if err != nil {
		return err
	}
	o.lock.Lock()
	defer o.lock.Unlock()
	return o.stream.SendMsg(&frame{bytes: bytes})
}

type responseWriter struct {
	output *pluginOutput
	wrap   func([]byte) *pulumirpc.RunPluginResponse
}

func (o *pluginOutput) writer(wrap func([]byte) *pulumirpc.RunPluginResponse) *responseWriter {
	return &responseWriter{output: o, wrap: wrap}
}

func (w *responseWriter) Write(b []byte) (int, error) {
	if err := w.output.send(w.wrap(append([]byte(nil), b...))); err != nil {
		return 0, err
	}
	return len(b), nil
}
