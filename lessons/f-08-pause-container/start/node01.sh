ip netns add pod-web
