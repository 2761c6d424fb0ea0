// A component whose host the page binds a custom event on (bind:myevent).
Component({ data: {} });
