tracebriefSearch.terms("ta",{"target":"m"});
