ip netns add red
