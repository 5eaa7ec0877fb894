// Command pulumi-language-nodejs stands in front of the Node.js language host built from sdk/v3 v3.68.0 (the newest
// the Go module proxy serves, see docs/pulumi-cli.md) and adds the one call that host lacks: RunPlugin, which CLI
// 3.259 uses to start a Node policy pack (`pulumi preview --policy-pack <dir>`). Every other call is forwarded to the
// real host unchanged, byte for byte, so programs run exactly as before.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The real host sits beside this binary under this name (scripts/setup-pulumi.sh puts it there).
const realHostName = "pulumi-language-nodejs-v3.68.0"

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs (policy shim): %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	// The real host is killed when this process dies (Pdeathsig is tied to the thread that started it).
	runtime.LockOSThread()
	realHost, realPort, err := startRealHost(os.Args[1:])
	if err != nil {
		return err
	}
	conn, err := grpc.NewClient("127.0.0.1:"+realPort, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", realHostName, err)
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	server := grpc.NewServer(
		grpc.ForceServerCodec(frameCodec{}),
		grpc.UnknownServiceHandler(func(_ any, stream grpc.ServerStream) error {
			method, _ := grpc.MethodFromServerStream(stream)
			if method == runPluginMethod {
				return runPolicyPack(stream)
			}
			return forward(conn, method, stream)
		}),
	)
	// The engine reads the port from the first line of stdout, as from any plugin.
	fmt.Println(listener.Addr().(*net.TCPAddr).Port)
	go func() {
		state, _ := realHost.Process.Wait()
		os.Exit(state.ExitCode())
	}()
	return server.Serve(listener)
}

// startRealHost runs the real host with this process's arguments and returns it with the port it announced; the
// rest of its stdout and all of its stderr pass through.
func startRealHost(args []string) (*exec.Cmd, string, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	self, err = filepath.EvalSymlinks(self)
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(filepath.Join(filepath.Dir(self), realHostName), args...)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("starting %s (run scripts/setup-pulumi.sh): %w", realHostName, err)
	}
	lines := bufio.NewReader(stdout)
	port, err := lines.ReadString('\n')
	if err != nil {
		return nil, "", fmt.Errorf("%s announced no port: %w", realHostName, err)
	}
	go func() { _, _ = lines.WriteTo(os.Stdout) }()
	return cmd, strings.TrimSpace(port), nil
}
